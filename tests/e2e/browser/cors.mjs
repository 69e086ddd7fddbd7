// A browser app on another origin calls cupql: this script serves a page from its own little server on
// another port (another origin), opens it in headless Debian Chromium and lets the page's own fetch()
// query the API with POST (JSON, so Chromium sends a preflight) and with GET. Prints what it saw as JSON.
//
// Usage: node tests/e2e/browser/cors.mjs API_BASE_URL
import http from 'node:http';
import { chromium } from 'playwright-core';

const [apiBase] = process.argv.slice(2);
if (!apiBase) {
  console.error('usage: node cors.mjs API_BASE_URL');
  process.exit(2);
}
const endpoint = new URL('/graphql', apiBase).href;
const QUERY = '{ season { year winner { name } } }';

const PAGE = `<!doctype html><meta charset="utf-8"><title>another origin</title>
<script>
  async function call(method) {
    const headers = {accept: 'application/graphql-response+json'};
    let response;
    if (method === 'POST') {
      response = await fetch(${JSON.stringify(endpoint)}, {
        method, headers: {...headers, 'content-type': 'application/json'},
        body: JSON.stringify({query: ${JSON.stringify(QUERY)}}),
      });
    } else {
      response = await fetch(${JSON.stringify(endpoint)} + '?query=' + encodeURIComponent(${JSON.stringify(QUERY)}),
        {headers});
    }
    return {status: response.status, body: await response.json()};
  }
  window.results = Promise.all(['POST', 'GET'].map((method) =>
    call(method).catch((error) => ({error: String(error)}))));
</script>`;

const pageServer = http.createServer((_request, response) => {
  response.writeHead(200, {'content-type': 'text/html; charset=utf-8'});
  response.end(PAGE);
});
await new Promise((resolve) => pageServer.listen(0, '127.0.0.1', resolve));
const pageOrigin = `http://127.0.0.1:${pageServer.address().port}`;

const report = {pageOrigin, apiOrigin: new URL(apiBase).origin, requests: [], consoleErrors: []};
const browser = await chromium.launch({
  executablePath: '/usr/bin/chromium',
  args: ['--headless', '--no-sandbox', '--disable-gpu', '--no-first-run', '--disable-background-networking'],
});
try {
  const page = await (await browser.newContext()).newPage();
  page.setDefaultTimeout(30_000);
  page.on('console', (msg) => { if (msg.type() === 'error') report.consoleErrors.push(msg.text()); });
  // Playwright's request events include CORS preflights only through CDP; record what reaches the API.
  const cdp = await page.context().newCDPSession(page);
  await cdp.send('Network.enable');
  const byId = new Map();
  cdp.on('Network.requestWillBeSent', ({requestId, request, type}) => {
    if (request.url.startsWith(endpoint)) byId.set(requestId, {method: request.method, type});
  });

  await page.goto(pageOrigin + '/');
  report.results = await page.evaluate(() => window.results);
  // DevTools events can trail the page's promises by a moment.
  for (let waited = 0; byId.size < 3 && waited < 3000; waited += 100) await new Promise((r) => setTimeout(r, 100));
  report.requests = [...byId.values()];
} catch (error) {
  report.error = String(error && error.stack || error);
} finally {
  await browser.close();
  pageServer.close();
}
process.stdout.write(JSON.stringify(report, null, 2) + '\n');
