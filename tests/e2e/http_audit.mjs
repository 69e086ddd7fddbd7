// Runs graphql-http's GraphQL-over-HTTP server audits against the endpoint URL given as the first
// argument and prints the results as one JSON array of {id, name, status, reason}; status is "ok",
// "notice" (a MAY failed), "warn" (a SHOULD failed) or "error" (a MUST failed).
// An optional second argument is a JSON object of headers added to every request, as a client of
// `cupql serve --production` adds `GraphQL-Require-Preflight` to its GET requests.
import { serverAudits } from "graphql-http";

const url = process.argv[2];
if (!url) {
  console.error("usage: node http_audit.mjs URL [HEADERS_JSON]");
  process.exit(2);
}
const extraHeaders = JSON.parse(process.argv[3] ?? "{}");

function fetchFn(input, init = {}) {
  const headers = new Headers(init.headers);
  for (const [name, value] of Object.entries(extraHeaders)) headers.set(name, value);
  return fetch(input, { ...init, headers });
}

const results = [];
for (const audit of serverAudits({ url, fetchFn })) {
  const { id, name, status, reason } = await audit.fn();
  results.push({ id, name, status, reason: reason ?? null });
}
console.log(JSON.stringify(results));
