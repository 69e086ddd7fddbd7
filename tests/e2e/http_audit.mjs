// Runs graphql-http's GraphQL-over-HTTP server audits against the endpoint URL given as the only
// argument and prints the results as one JSON array of {id, name, status, reason}; status is "ok",
// "notice" (a MAY failed), "warn" (a SHOULD failed) or "error" (a MUST failed).
import { serverAudits } from "graphql-http";

const url = process.argv[2];
if (!url) {
  console.error("usage: node http_audit.mjs URL");
  process.exit(2);
}

const results = [];
for (const audit of serverAudits({ url })) {
  const { id, name, status, reason } = await audit.fn();
  results.push({ id, name, status, reason: reason ?? null });
}
console.log(JSON.stringify(results));
