// Opens cupql's page at / in headless Debian Chromium with every non-local request blocked, reads what the
// season view and a club's page show, switches seasons and goes home, then opens both views on a 390 px phone.
// Saves a screenshot of each view and prints what it saw as JSON on stdout (tests/e2e/test_page_browser.py
// compares it with the API's data).
//
// Usage: node tests/e2e/browser/page.mjs BASE_URL SCREENSHOT_DIR CLUB_NAME SCREENSHOT_PREFIX
import { chromium } from 'playwright-core';

const [baseUrl, screenshotDir, clubName, prefix] = process.argv.slice(2);
if (!prefix) {
  console.error('usage: node page.mjs BASE_URL SCREENSHOT_DIR CLUB_NAME SCREENSHOT_PREFIX');
  process.exit(2);
}
const LOCAL_HOSTS = new Set(['127.0.0.1', 'localhost', '[::1]']);
const report = {blockedRequests: [], graphqlRequests: [], consoleErrors: [], pageErrors: [], screenshots: []};

const browser = await chromium.launch({
  executablePath: '/usr/bin/chromium',
  args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run',
    '--disable-background-networking', '--disable-component-update', '--disable-sync'],
});

async function openPage(contextOptions) {
  const page = await (await browser.newContext(contextOptions)).newPage();
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
  return page;
}

// Runs `action` (which changes the route) and waits until the page has drawn the `view` it leads to.
async function go(page, view, action) {
  await page.evaluate(() => document.body.removeAttribute('data-ready'));
  await action();
  await page.locator(`body[data-ready="${view}"]`).waitFor();
}

async function shoot(page, name) {
  const path = `${screenshotDir}/${prefix}-${name}.png`;
  await page.screenshot({path, fullPage: true});
  report.screenshots.push(path);
}

const selectedSeason = (page) => page.locator('#season').evaluate((select) => select.selectedOptions[0].textContent);

// Whether the page is wider than the window, and the header bar as wide as the window.
const fit = (page) => page.evaluate(() => ({
  scrollWidth: document.documentElement.scrollWidth, innerWidth: window.innerWidth,
  headerWidth: Math.round(document.querySelector('header').getBoundingClientRect().width),
}));

try {
  const page = await openPage({viewport: {width: 1400, height: 900}});
  await go(page, 'season', () => page.goto(new URL('/', baseUrl).href));
  report.title = await page.locator('h1').innerText();
  report.selected = await selectedSeason(page);
  report.champion = await page.locator('#champion').innerText();
  report.ties = await page.locator('.bracket .tie').evaluateAll((nodes) => nodes.map((node) => ({
    round: node.dataset.round, home: node.dataset.home, away: node.dataset.away,
    homeAggregate: Number(node.dataset.homeAggregate), awayAggregate: Number(node.dataset.awayAggregate),
    winner: node.dataset.winner, legs: node.querySelector('.legs').lastChild.textContent,
    legsTitle: node.querySelector('.legs title').textContent,
    shownAggregates: [...node.querySelectorAll('.score')].map((score) => score.textContent),
  })));
  report.connectors = await page.locator('.bracket .connector').count();
  report.groups = await page.locator('table.standings').evaluateAll((tables) => tables.map((table) => ({
    name: table.dataset.group,
    rows: [...table.querySelectorAll('tbody tr')].map((row) => [...row.cells].map((cell) => cell.textContent.trim())),
  })));
  report.bars = await page.locator('.chart .bar').evaluateAll((bars) => bars.map((bar) => ({
    key: bar.dataset.key, count: Number(bar.dataset.count), height: Number(bar.getAttribute('height')),
  })));
  report.favicon = await page.locator('link[rel="icon"]').getAttribute('href');
  await shoot(page, 'season');

  // Follow the club's link in the final's box, as a visitor would.
  await go(page, 'club', () => page.locator('.bracket .tie[data-round="FINAL"] a', {hasText: clubName}).click());
  report.clubUrl = page.url();
  report.clubTitle = await page.locator('h1').innerText();
  report.clubSelected = await selectedSeason(page);
  report.outcome = await page.locator('#outcome').innerText();
  report.steps = await page.locator('tr.step').evaluateAll((rows) => rows.map((row) => ({
    round: row.dataset.round, cells: [...row.cells].map((cell) => cell.textContent.trim()),
    result: row.cells[3].className,
  })));
  report.scorers = await page.locator('table.scorers tr.scorer').evaluateAll((rows) =>
    rows.map((row) => [...row.cells].map((cell) => cell.textContent.trim())));
  await shoot(page, 'club');

  // Back to the season: its queries are known to the server, so their hashes alone fetch them.
  const before = report.graphqlRequests.length;
  await go(page, 'season', () => page.goBack());
  report.returnTitle = await page.locator('h1').innerText();
  report.returnRequests = report.graphqlRequests.slice(before);

  // Every other season from the selector, then home (#/): the selector names what the page shows.
  report.seasons = await page.locator('#season option').allInnerTexts();
  report.visits = [];
  for (const name of report.seasons.filter((season) => season !== report.title)) {
    await go(page, 'season', () => page.locator('#season').selectOption({label: name}));
    report.visits.push({via: 'selector', title: await page.locator('h1').innerText(), selected: await selectedSeason(page)});
    await go(page, 'season', () => page.locator('header a.home').click());
    report.visits.push({via: 'home', title: await page.locator('h1').innerText(), selected: await selectedSeason(page)});
  }

  // A phone, 390 px wide: both views fit the window, header bar included.
  const phone = await openPage({viewport: {width: 390, height: 844}, isMobile: true, hasTouch: true});
  await go(phone, 'season', () => phone.goto(new URL('/', baseUrl).href));
  report.phoneSeason = await fit(phone);
  await shoot(phone, 'phone-season');
  // The club's name in capitals, as someone might type it: the API finds the club all the same.
  const shouted = report.clubUrl.replace(/\/club\/([^?]+)/, (_, slug) => `/club/${slug.toUpperCase()}`);
  await go(phone, 'club', () => phone.goto(shouted));
  report.phoneClub = await fit(phone);
  report.phoneScores = await phone.locator('tr.step td.score').allInnerTexts();
  await shoot(phone, 'phone-club');
} catch (error) {
  report.error = String(error && error.stack || error);
} finally {
  await browser.close();
}
process.stdout.write(JSON.stringify(report, null, 2) + '\n');
