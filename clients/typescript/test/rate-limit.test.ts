// A server with request quotas: the client hands each answer's standing to `onRateLimit`,
// and a caller over its quota gets an OrgsError with `retryAfter`.
import { afterAll, beforeAll, expect, test } from "vitest";
import { createClient, OrgsError, type RateLimitStanding } from "../src/index.js";
import { startServer, type TestServer } from "./server.js";

let server: TestServer;
let bearer: string;

beforeAll(async () => {
  server = await startServer({ ORGS_REQUEST_RATE_LIMIT: "1" });
  bearer = (await server.user("quota@example.com")).bearer;
});

afterAll(() => server?.stop());

test("each answer's quota reaches onRateLimit, and the refusal says when to retry", async () => {
  const seen: RateLimitStanding[] = [];
  const client = createClient({
    baseUrl: server.baseUrl,
    token: bearer,
    onRateLimit: (standing) => seen.push(standing),
  });
  await client.organizations.list();
  expect(seen[0]).toEqual({ limit: 2, remaining: 1, resetSeconds: 1 });
  await client.organizations.list();
  const refused = await client.organizations.list().catch((error: unknown) => error);
  expect(refused).toBeInstanceOf(OrgsError);
  expect((refused as OrgsError).status).toBe(429);
  expect((refused as OrgsError).code).toBe("rate_limited");
  expect((refused as OrgsError).retryAfter).toBeGreaterThanOrEqual(1);
  expect(seen.map((standing) => standing.remaining)).toEqual([1, 0, 0]);
});

test("without quotas the callback is never called", async () => {
  const plain = await startServer();
  try {
    const user = await plain.user("plain@example.com");
    let called = 0;
    const client = createClient({ baseUrl: plain.baseUrl, token: user.bearer, onRateLimit: () => (called += 1) });
    await client.organizations.list();
    expect(called).toBe(0);
  } finally {
    await plain.stop();
  }
});
