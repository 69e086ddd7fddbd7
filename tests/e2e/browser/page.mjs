// Opens cupql's page at / in headless Debian Chromium with every non-local request blocked, reads what the
// season view and a club's page show, and saves a screenshot of each. Prints what it saw as JSON on stdout
// (tests/e2e/test_page_browser.py compares it with the API's data).
//
// Usage: node tests/e2e/browser/page.mjs BASE_URL SCREENSHOT_DIR CLUB_NAME
import { chromium } from 'playwright-core';

const [baseUrl, screenshotDir, clubName] = process.argv.slice(2);
if (!clubName) {
  console.error('usage: node page.mjs BASE_URL SCREENSHOT_DIR CLUB_NAME');
  process.exit(2);
}
const LOCAL_HOSTS = new Set(['127.0.0.1', 'localhost', '[::1]']);
const report = {blockedRequests: [], graphqlRequests: [], consoleErrors: [], pageErrors: [], screenshots: []};

const browser = await chromium.launch({
  executablePath: '/usr/bin/chromium',
  args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run',
    '--disable-background-networking', '--disable-component-update', '--disable-sync'],
});
try {
  const page = await (await browser.newContext({viewport: {width: 1400, height: 900}})).newPage();
  page.setDefaultTimeout(30_000);
  await page.route('**/*', (route) => {
    const url = new URL(route.request().url());
    if (url.protocol === 'data:' || LOCAL_HOSTS.has(url.hostname)) {
      if (url.pathname === '/graphql') {
        report.graphqlRequests.push({method: route.request().method(), withQuery: url.searchParams.has('query'),
          persisted: url.searchParams.has('extensions')});
      }
      return route.continue();
    }
    report.blockedRequests.push(url.href);
    return route.abort('blockedbyclient');
  });
  page.on('console', (msg) => { if (msg.type() === 'error') report.consoleErrors.push(msg.text()); });
  page.on('pageerror', (error) => report.pageErrors.push(String(error)));

  await page.goto(new URL('/', baseUrl).href);
  await page.locator('body[data-ready="season"]').waitFor();
  report.title = await page.locator('h1').innerText();
  report.champion = await page.locator('#champion').innerText();
  report.ties = await page.locator('.bracket .tie').evaluateAll((nodes) => nodes.map((node) => ({
    round: node.dataset.round, home: node.dataset.home, away: node.dataset.away,
    homeAggregate: Number(node.dataset.homeAggregate), awayAggregate: Number(node.dataset.awayAggregate),
    winner: node.dataset.winner, text: node.textContent,
  })));
  report.connectors = await page.locator('.bracket .connector').count();
  report.groups = await page.locator('table.standings').evaluateAll((tables) => tables.map((table) => ({
    name: table.dataset.group,
    rows: [...table.querySelectorAll('tbody tr')].map((row) => [...row.cells].map((cell) => cell.textContent.trim())),
  })));
  report.bars = await page.locator('.chart .bar').evaluateAll((bars) => bars.map((bar) => ({
    key: bar.dataset.key, count: Number(bar.dataset.count), height: Number(bar.getAttribute('height')),
  })));
  const seasonShot = `${screenshotDir}/page-season.png`;
  await page.screenshot({path: seasonShot, fullPage: true});
  report.screenshots.push(seasonShot);

  // Follow the club's link in the final's box, as a visitor would.
  await page.locator('.bracket .tie[data-round="FINAL"] a', {hasText: clubName}).click();
  await page.locator('body[data-ready="club"]').waitFor();
  report.clubUrl = page.url();
  report.clubTitle = await page.locator('h1').innerText();
  report.outcome = await page.locator('#outcome').innerText();
  report.steps = await page.locator('tr.step').evaluateAll((rows) => rows.map((row) => ({
    round: row.dataset.round, cells: [...row.cells].map((cell) => cell.textContent.trim()),
  })));
  report.scorers = await page.locator('table.scorers tr.scorer').evaluateAll((rows) =>
    rows.map((row) => [...row.cells].map((cell) => cell.textContent.trim())));
  const clubShot = `${screenshotDir}/page-club.png`;
  await page.screenshot({path: clubShot, fullPage: true});
  report.screenshots.push(clubShot);

  // Back to the season: its queries are known to the server now, so their hashes alone fetch them.
  const before = report.graphqlRequests.length;
  await page.goBack();
  await page.locator('body[data-ready="season"]').waitFor();
  report.returnTitle = await page.locator('h1').innerText();
  report.returnRequests = report.graphqlRequests.slice(before);
} catch (error) {
  report.error = String(error && error.stack || error);
} finally {
  await browser.close();
}
process.stdout.write(JSON.stringify(report, null, 2) + '\n');
