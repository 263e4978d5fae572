// Better Auth with its organization plugin, served the way a production Node app
// would serve it, as the peer that `cargo xtask bench` measures orgs against.
//
//   PEER_STORE=sqlite|postgres  PEER_DATABASE=<file or postgres:// URL>  PORT=<port>
//   optional: PEER_JOINS=1, PEER_FIND_MANY_LIMIT=<rows> (see `advanced` below)
//
// Prints `LISTENING <port>` once the schema exists and the socket accepts.
import http from "node:http";

// Libraries read NODE_ENV when they load, so set it before importing them.
process.env.NODE_ENV ??= "production";

const { betterAuth } = await import("better-auth");
const { organization, bearer } = await import("better-auth/plugins");
const { toNodeHandler } = await import("better-auth/node");
const { getMigrations } = await import("better-auth/db/migration");

const store = process.env.PEER_STORE ?? "sqlite";
const target = process.env.PEER_DATABASE;
const port = Number(process.env.PORT ?? 3000);
if (!target) throw new Error("PEER_DATABASE is required");

async function database() {
  if (store === "sqlite") {
    const { default: Database } = await import("better-sqlite3");
    const db = new Database(target);
    // The same settings orgs gives its own SQLite file.
    db.pragma("journal_mode = WAL");
    db.pragma("synchronous = NORMAL");
    return db;
  }
  if (store === "postgres") {
    const { default: pg } = await import("pg");
    return new pg.Pool({ connectionString: target, max: 10 });
  }
  throw new Error(`PEER_STORE must be sqlite or postgres, not ${store}`);
}

// Far above anything a benchmark run creates, so no request is refused for volume.
const MANY = 1_000_000_000;

const options = {
  database: await database(),
  secret: "orgs-bench-peer-secret-0123456789abcdef0123456789abcdef",
  baseURL: `http://127.0.0.1:${port}`,
  emailAndPassword: { enabled: true, requireEmailVerification: false },
  // All the load comes from one address; per-IP limits would only measure 429s.
  rateLimit: { enabled: false },
  telemetry: { enabled: false },
  advanced: {
    database: {
      // Off by default: each joined row (an organization of organization/list, the
      // user of a session) is then one more query. PEER_JOINS=1 turns on the
      // documented single-query joins, to measure Better Auth tuned.
      joins: process.env.PEER_JOINS === "1",
      // Better Auth caps every findMany it leaves unbounded at 100 rows, e.g.
      // organization/list of a user in more organizations. Kept unless asked.
      ...(process.env.PEER_FIND_MANY_LIMIT && {
        defaultFindManyLimit: Number(process.env.PEER_FIND_MANY_LIMIT),
      }),
    },
  },
  plugins: [
    organization({
      // Defaults are 100 members and 100 pending invitations per organization.
      // membershipLimit is also list-members' default page size, so it lets one
      // answer hold every member.
      membershipLimit: 200_000,
      invitationLimit: MANY,
      // organizationLimit's default is already unlimited (undefined).
    }),
    // Lets clients send `Authorization: Bearer <token>`, as they do to orgs.
    bearer(),
  ],
};

const auth = betterAuth(options);
const { runMigrations } = await getMigrations(options);
await runMigrations();

const handler = toNodeHandler(auth);
const server = http.createServer((req, res) => {
  // Readiness probe, kept out of Better Auth so it costs nothing of its own.
  if (req.url === "/healthz") {
    res.writeHead(200, { "content-type": "text/plain" }).end("ok");
    return;
  }
  handler(req, res);
});
server.listen(port, "127.0.0.1", () => console.log(`LISTENING ${port}`));

for (const signal of ["SIGTERM", "SIGINT"]) {
  process.on(signal, () => {
    server.close(() => process.exit(0));
    server.closeAllConnections();
  });
}
