// Writes the served OpenAPI description as the committed openapi.json: the servers entry (the address it was fetched
// from, a random port) becomes "/", so the file and the clients made from it do not depend on the run; clients set
// their base address themselves.
// Usage: node normalize-description.mjs SERVED.json OUT.json
import { readFileSync, writeFileSync } from "node:fs";

const [served, out] = process.argv.slice(2);
const description = JSON.parse(readFileSync(served, "utf8"));
description.servers = [
  { url: "/", description: "The server this description is served by; a client sets its own base address." },
];
writeFileSync(out, JSON.stringify(description, null, 2) + "\n");
