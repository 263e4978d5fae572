// Seeds a running Better Auth peer with the data orgs' benchmark seed makes, through
// the public HTTP API only, so every row is one Better Auth itself would write.
//
//   node seed.mjs --url http://127.0.0.1:PORT [--members 1000] [--orgs 50]
//
// Like orgs' seed, the reader owns --orgs organizations and the first ("smallOrg")
// gets --members new members on top of the reader, so it lists members + 1.
// Prints one JSON object on stdout; progress and timing go to stderr.
import { parseArgs } from "node:util";

const { values } = parseArgs({
  options: {
    url: { type: "string" },
    members: { type: "string", default: "1000" },
    orgs: { type: "string", default: "50" },
  },
});
if (!values.url) throw new Error("--url is required");
const base = `${values.url.replace(/\/$/, "")}/api/auth`;
const members = Number(values.members);
const orgCount = Number(values.orgs);
if (orgCount < 3) throw new Error("--orgs must be at least 3 (smallOrg and writesOrg)");
// Emails must differ from any earlier seed of the same database.
const run = Date.now().toString(36);
// Sign-up hashes a password (scrypt), so a few at a time keep both cores busy
// without queueing everything in the server.
const CONCURRENCY = 8;

async function call(path, { token, body, method = body ? "POST" : "GET" } = {}) {
  // Node's fetch sends Fetch Metadata (sec-fetch-mode) like a browser, and Better
  // Auth's CSRF check then wants the Origin a browser would send with it.
  const headers = { "content-type": "application/json", origin: new URL(values.url).origin };
  if (token) headers.authorization = `Bearer ${token}`;
  const res = await fetch(`${base}${path}`, {
    method,
    headers,
    body: body && JSON.stringify(body),
  });
  const text = await res.text();
  if (!res.ok) throw new Error(`${method} ${path}: ${res.status} ${text}`);
  return { json: JSON.parse(text), headers: res.headers };
}

async function signUp(name) {
  const email = `${name}-${run}@bench.test`;
  const { headers } = await call("/sign-up/email", {
    body: { email, password: "bench-password-0123", name },
  });
  // The bearer plugin's signed session token, the form `Authorization: Bearer` takes.
  const token = headers.get("set-auth-token");
  if (!token) throw new Error(`sign-up of ${email} returned no set-auth-token`);
  return { email, token };
}

// Runs `task(i)` for i in [0, count) with at most CONCURRENCY in flight.
async function pool(count, task) {
  let next = 0;
  const worker = async () => {
    while (next < count) await task(next++);
  };
  await Promise.all(Array.from({ length: Math.min(CONCURRENCY, count) }, worker));
}

const started = performance.now();
const reader = await signUp("reader");
const writer = await signUp("writer");

const orgs = [];
for (let i = 0; i < orgCount; i++) {
  const { json } = await call("/organization/create", {
    token: reader.token,
    body: { name: `Reader org ${i}`, slug: `reader-${run}-${i}` },
  });
  orgs.push(json.id);
}
const [smallOrg, , writesOrg] = orgs;

// The invitation round trip is Better Auth's only way for a user to join.
await pool(members, async (i) => {
  const member = await signUp(`small-${i}`);
  const { json: invitation } = await call("/organization/invite-member", {
    token: reader.token,
    body: { email: member.email, role: "member", organizationId: smallOrg },
  });
  await call("/organization/accept-invitation", {
    token: member.token,
    body: { invitationId: invitation.id },
  });
  if ((i + 1) % 250 === 0) console.error(`seed: ${i + 1}/${members} members`);
});

// Read back what the load will see, so the report states real counts.
const { json: listed } = await call(
  `/organization/list-members?organizationId=${smallOrg}&limit=${members + 1}`,
  { token: reader.token },
);
const { json: readerOrgs } = await call("/organization/list", { token: reader.token });
if (listed.members.length !== listed.total) {
  throw new Error(`list-members returned ${listed.members.length} of ${listed.total}`);
}

console.error(`seed: ${members} members, ${orgCount} orgs in ${((performance.now() - started) / 1000).toFixed(1)} s`);
console.log(JSON.stringify({
  readerToken: reader.token,
  writerToken: writer.token,
  smallOrg,
  writesOrg,
  smallMembers: listed.total,
  orgCount: readerOrgs.length,
}));
