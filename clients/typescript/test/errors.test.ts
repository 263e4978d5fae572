// Every error code the spec lists arrives as an OrgsError with its status and code: all
// from the real server but `internal`, which a healthy server cannot be made to answer;
// 429 carries retryAfter.
import { spawn } from "node:child_process";
import { createInterface } from "node:readline";
import { afterAll, beforeAll, describe, expect, test } from "vitest";
import { createClient, errorCodeValues, type OrgsClient } from "../src/index.js";
import { expectOrgsError, seenCodes } from "./expect-error.js";
import { startServer, type TestServer } from "./server.js";

let server: TestServer;
let owner: OrgsClient;
let member: OrgsClient;
let memberId: string;
let outsider: OrgsClient;
let organizationId: string;

beforeAll(async () => {
  server = await startServer({ ORGS_DATABASE_TIMEOUT: "300ms" });
  const [o, m, x] = await Promise.all(["owner", "member", "outsider"].map((n) => server.user(`${n}@example.com`)));
  owner = createClient({ baseUrl: server.baseUrl, token: o!.bearer });
  member = createClient({ baseUrl: server.baseUrl, token: m!.bearer });
  memberId = m!.userId;
  outsider = createClient({ baseUrl: server.baseUrl, token: x!.bearer });
  organizationId = (await owner.organizations.create({ name: "Errors" })).organization.id;
  const { code } = await owner.organizations.joinCodes.create({ organizationId });
  await member.organizations.joinCodes.join({ code });
});

afterAll(() => server?.stop());

describe("error codes from the server", () => {
  test("400 invalid_request names the field", async () => {
    const error = await expectOrgsError(owner.organizations.create({ name: " " }), 400, "invalid_request");
    expect(error.message).toMatch(/name/);
  });

  test("401 unauthenticated", async () => {
    const stranger = createClient({ baseUrl: server.baseUrl, token: "nobody:nothing" });
    await expectOrgsError(stranger.organizations.list(), 401, "unauthenticated");
    await expectOrgsError(createClient({ baseUrl: server.baseUrl }).organizations.roles(), 401, "unauthenticated");
  });

  test("403 forbidden", async () => {
    await expectOrgsError(member.organizations.update({ organizationId, name: "Mine" }), 403, "forbidden");
  });

  test("403 user_required", async () => {
    const { apiToken } = await owner.organizations.tokens.create({ organizationId });
    const asToken = createClient({ baseUrl: server.baseUrl, token: apiToken.bearer });
    await expectOrgsError(asToken.organizations.create({ name: "Nope" }), 403, "user_required");
  });

  test("403 email_mismatch", async () => {
    const { token } = await owner.organizations.invitations.create({ organizationId, email: "someone@example.com" });
    await expectOrgsError(outsider.organizations.invitations.accept({ token }), 403, "email_mismatch");
  });

  test("404 not_found", async () => {
    await expectOrgsError(outsider.organizations.get({ organizationId }), 404, "not_found");
  });

  test("404 invalid_invitation", async () => {
    await expectOrgsError(
      outsider.organizations.invitations.accept({ token: "x".repeat(43) }),
      404,
      "invalid_invitation",
    );
  });

  test("404 invalid_join_code", async () => {
    await expectOrgsError(
      outsider.organizations.joinCodes.join({ code: "AAAA-BBBB-CCCC-DDDD" }),
      404,
      "invalid_join_code",
    );
  });

  test("409 last_owner", async () => {
    const { members } = await owner.organizations.members.list({ organizationId });
    const self = members.find((m) => m.role === "owner")!;
    await expectOrgsError(
      owner.organizations.members.setRole({ organizationId, userId: self.userId, role: "member" }),
      409,
      "last_owner",
    );
  });

  test("409 already_member", async () => {
    await expectOrgsError(
      owner.organizations.invitations.create({ organizationId, email: "member@example.com" }),
      409,
      "already_member",
    );
  });

  test("409 join_code_exhausted", async () => {
    const { code } = await owner.organizations.joinCodes.create({ organizationId, maxUses: 1 });
    const [first, late] = await Promise.all(
      ["first", "late"].map(async (n) =>
        createClient({ baseUrl: server.baseUrl, token: (await server.user(`${n}@example.com`)).bearer }),
      ),
    );
    await first!.organizations.joinCodes.join({ code });
    await expectOrgsError(late!.organizations.joinCodes.join({ code }), 409, "join_code_exhausted");
  });

  test("413 payload_too_large", async () => {
    await expectOrgsError(owner.organizations.create({ name: "x".repeat(70 * 1024) }), 413, "payload_too_large");
  });

  test("405 method_not_allowed, when something between rewrites the method", async () => {
    const asGet = createClient({
      baseUrl: server.baseUrl,
      fetch: (url, init) => fetch(url, { ...init, method: "GET", body: null }),
    });
    await expectOrgsError(asGet.organizations.roles(), 405, "method_not_allowed");
  });

  test("503 unavailable, while another process holds the database's write lock", async () => {
    const release = await holdWriteLock(server.databaseFile);
    try {
      await expectOrgsError(owner.organizations.create({ name: "Blocked" }), 503, "unavailable");
    } finally {
      release();
    }
    await owner.organizations.create({ name: "Unblocked" });
  });
});

describe("429 rate_limited", () => {
  let limited: TestServer;
  beforeAll(async () => {
    limited = await startServer({ ORGS_GUESS_FAILURE_LIMIT: "2", ORGS_GUESS_FAILURE_WINDOW: "10m" });
  });
  afterAll(() => limited?.stop());

  test("carries retryAfter in seconds from Retry-After", async () => {
    const guesser = createClient({ baseUrl: limited.baseUrl, token: (await limited.user("guess@example.com")).bearer });
    const guess = () => guesser.organizations.joinCodes.join({ code: "AAAA-BBBB-CCCC-DDDD" });
    await expectOrgsError(guess(), 404, "invalid_join_code");
    await expectOrgsError(guess(), 404, "invalid_join_code");
    const error = await expectOrgsError(guess(), 429, "rate_limited");
    expect(error.retryAfter).toBeGreaterThan(0);
    expect(error.retryAfter).toBeLessThanOrEqual(600);
  });
});

describe("500 internal", () => {
  test("from the envelope a failing server sends", async () => {
    const body = JSON.stringify({ error: { code: "internal", message: "Something went wrong." } });
    const client = createClient({
      baseUrl: "http://orgs.test",
      fetch: async () => new Response(body, { status: 500 }),
    });
    const error = await expectOrgsError(client.organizations.roles(), 500, "internal");
    expect(error.message).toBe("Something went wrong.");
  });
});

test("every code in the spec was seen above", () => {
  expect([...seenCodes].sort()).toEqual([...errorCodeValues].sort());
});

/** Holds SQLite's write lock from another process (Python's sqlite3) until released. */
async function holdWriteLock(databaseFile: string): Promise<() => void> {
  const script = [
    "import sqlite3, sys",
    "db = sqlite3.connect(sys.argv[1], isolation_level=None)",
    "db.execute('BEGIN IMMEDIATE')",
    "print('locked', flush=True)",
    "sys.stdin.read()",
  ].join("\n");
  const holder = spawn("python3", ["-c", script, databaseFile], { stdio: ["pipe", "pipe", "inherit"] });
  await new Promise<void>((resolve, reject) => {
    holder.once("exit", (code) => reject(new Error(`the lock holder exited with ${code}`)));
    createInterface({ input: holder.stdout! }).once("line", () => resolve());
  });
  return () => holder.stdin!.end();
}
