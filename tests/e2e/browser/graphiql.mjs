// Drives cupql's GraphiQL page in headless Debian Chromium with every non-local request blocked,
// runs one query and prints what it saw as JSON on stdout (tests/e2e/test_graphiql_browser.py reads it).
//
// Then it opens the Explorer plugin, ticks `clubs` there and runs what that makes, follows LINK (a page URL carrying a query in its fragment), runs the
// linked query and presses the page's link button.
//
// Usage: node tests/e2e/browser/graphiql.mjs BASE_URL SCREENSHOT.png LINK
// Exit code 0 means the script ran to the end; the test judges the JSON. Diagnostics go to stderr.
import { chromium } from 'playwright-core';

const [baseUrl, screenshotPath, link] = process.argv.slice(2);
if (!link) {
  console.error('usage: node graphiql.mjs BASE_URL SCREENSHOT.png LINK');
  process.exit(2);
}
// Named, so the tab title changing to it shows GraphiQL has taken in the edit before we run it.
const QUERY = 'query Season { season { year winner { name } } }';
const LOCAL_HOSTS = new Set(['127.0.0.1', 'localhost', '[::1]']);
const TIMEOUT_MS = 30_000;

const report = {
  tabTitles: [],
  editorQuery: null,
  resultText: null,
  blockedRequests: [],
  localRequests: [],
  consoleErrors: [],
  pageErrors: [],
  explorerFields: [],
  explorerQuery: null,
  explorerResultText: null,
  linkedTabTitles: [],
  linkedEditorQuery: null,
  linkedResultText: null,
  copiedLink: null,
};

const editorText = (page, selector) => page.evaluate(
  (css) => document.querySelector(css).CodeMirror.getValue(), selector);

async function runAndRead(page) {
  await page.locator('.graphiql-execute-button').click();
  await page.waitForFunction(() => {
    const result = document.querySelector('.result-window .CodeMirror');
    const text = result ? result.CodeMirror.getValue() : '';
    return text.includes('"data"') || text.includes('"errors"');
  });
  return editorText(page, '.result-window .CodeMirror');
}

// The CDN-free claim only holds if nothing tries the network: no Chromium background traffic either.
const browser = await chromium.launch({
  executablePath: '/usr/bin/chromium',  // Debian's; never `playwright install`
  args: [
    '--headless', '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run',
    '--disable-background-networking', '--disable-component-update', '--disable-sync',
  ],
});
try {
  const context = await browser.newContext({ viewport: { width: 1400, height: 900 } });
  const page = await context.newPage();
  page.setDefaultTimeout(TIMEOUT_MS);
  await page.route('**/*', (route) => {
    const url = route.request().url();
    const { protocol, hostname } = new URL(url);
    if (protocol === 'data:' || protocol === 'blob:' || LOCAL_HOSTS.has(hostname)) {
      report.localRequests.push(url);
      return route.continue();
    }
    report.blockedRequests.push(url);
    return route.abort('blockedbyclient');
  });
  page.on('console', (msg) => { if (msg.type() === 'error') report.consoleErrors.push(msg.text()); });
  page.on('pageerror', (error) => report.pageErrors.push(String(error)));

  // A normal navigation, so the browser sends Accept: text/html and the server picks the IDE page.
  await page.goto(new URL('/graphql', baseUrl).href);
  await page.locator('.graphiql-query-editor .CodeMirror').waitFor();
  report.tabTitles = (await page.locator('.graphiql-tab').allInnerTexts()).map((title) => title.trim());

  // Run ours in a fresh tab so the example tabs stay as they are. Paste-like insertText rather than
  // per-key typing: the editor auto-closes brackets and pops up completions while typing.
  await page.getByRole('button', { name: 'Add tab' }).click();
  await page.waitForFunction((n) => document.querySelectorAll('.graphiql-tab').length === n,
    report.tabTitles.length + 1);
  await page.locator('.graphiql-query-editor .CodeMirror').click();
  await page.keyboard.press('ControlOrMeta+A');
  await page.keyboard.insertText(QUERY);
  await page.locator('.graphiql-tab-active', { hasText: 'Season' }).waitFor();
  report.editorQuery = await editorText(page, '.graphiql-query-editor .CodeMirror');
  report.resultText = await runAndRead(page);

  await page.getByRole('button', { name: 'Show GraphiQL Explorer' }).click();
  await page.locator('.graphiql-explorer-root').waitFor();
  report.explorerFields = (await page.locator('.graphiql-explorer-root .graphiql-explorer-field-view').allInnerTexts())
    .map((text) => text.trim().split(/[\s(]/)[0]);
  await page.screenshot({ path: screenshotPath });

  // Ticking a list fills in its page size, so the query runs as it stands.
  // Root fields come in alphabetical order, so the first `clubs` is Query's, before `season`'s own fields.
  await page.locator('#query-Season span[data-field-name="clubs"]').first().click();
  await page.waitForFunction(() =>
    document.querySelector('.graphiql-query-editor .CodeMirror').CodeMirror.getValue().includes('clubs'));
  report.explorerQuery = await editorText(page, '.graphiql-query-editor .CodeMirror');
  report.explorerResultText = await runAndRead(page);
  report.linkButtonIcon = await page.locator('.cupql-link-button svg').count();
  report.favicon = await page.locator('link[rel="icon"]').getAttribute('href');

  // A fresh page load from the link, as when someone clicks it.
  await page.goto(link);
  await page.locator('.graphiql-query-editor .CodeMirror').waitFor();
  await page.waitForFunction(() => document.querySelectorAll('.graphiql-tab').length > 0);
  report.linkedTabTitles = (await page.locator('.graphiql-tab').allInnerTexts()).map((title) => title.trim());
  report.linkedEditorQuery = await editorText(page, '.graphiql-query-editor .CodeMirror');
  report.linkedResultText = await runAndRead(page);
  await page.evaluate(() => history.replaceState(null, '', location.pathname));
  await page.locator('.cupql-link-button').click();
  await page.waitForFunction(() => location.hash.startsWith('#query='));
  report.copiedLink = await page.evaluate(() => location.href);
} catch (error) {
  report.error = String(error && error.stack || error);
} finally {
  await browser.close();
}
process.stdout.write(JSON.stringify(report, null, 2) + '\n');
