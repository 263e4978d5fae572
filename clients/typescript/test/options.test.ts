// The client's options: token sources, an injected fetch, cancellation, timeouts, and how
// answers that are not the API's own envelope still become an OrgsError.
import { afterAll, beforeAll, describe, expect, test, vi } from "vitest";
import { createClient, OrgsError } from "../src/index.js";
import { parseRetryAfter } from "../src/errors.js";
import { expectOrgsError } from "./expect-error.js";
import { startServer, type TestServer } from "./server.js";

let server: TestServer;
let bearer: string;

beforeAll(async () => {
  server = await startServer();
  bearer = (await server.user("options@example.com")).bearer;
});

afterAll(() => server?.stop());

/** A fetch that never answers and ignores its signal, as a careless wrapper might. */
const deafFetch: typeof fetch = () => new Promise(() => {});

/** A fetch that answers only when aborted, as a server that never replies would. */
const hangingFetch: typeof fetch = (_url, init) =>
  new Promise((_, reject) =>
    init?.signal?.addEventListener("abort", () => reject(new DOMException("aborted", "AbortError"))),
  );

function answering(status: number, body: string, headers: Record<string, string> = {}): typeof fetch {
  return async () => new Response(body, { status, headers });
}

describe("credentials", () => {
  test("an async token function is asked before every request", async () => {
    let asked = 0;
    const client = createClient({
      baseUrl: server.baseUrl,
      token: async () => {
        asked += 1;
        return bearer;
      },
    });
    await client.organizations.roles();
    await client.organizations.list();
    expect(asked).toBe(2);
  });

  test("a token function's failure is the call's", async () => {
    const expired = new Error("the session expired");
    const client = createClient({
      baseUrl: server.baseUrl,
      token: async () => {
        throw expired;
      },
    });
    await expect(client.organizations.roles()).rejects.toBe(expired);
  });

  test("a token function that never settles still times out", async () => {
    const client = createClient({ baseUrl: server.baseUrl, token: () => new Promise(() => {}), timeoutMs: 50 });
    await expect(client.organizations.roles()).rejects.toMatchObject({ name: "TimeoutError" });
  });

  test("a token function that answers nothing sends no credential", async () => {
    const client = createClient({ baseUrl: server.baseUrl, token: () => undefined });
    await expectOrgsError(client.organizations.roles(), 401, "unauthenticated");
  });
});

describe("the injected fetch", () => {
  test("gets one JSON POST with the bearer, at the base URL however it ends", async () => {
    const seen: { url: string; method?: string; headers: Headers; body: unknown }[] = [];
    const client = createClient({
      baseUrl: `${server.baseUrl}/`,
      token: bearer,
      fetch: (url, init) => {
        seen.push({ url: String(url), method: init?.method, headers: new Headers(init?.headers), body: init?.body });
        return fetch(url, init);
      },
    });
    const { organization } = await client.organizations.create({ name: "Fetched" });
    expect(organization.name).toBe("Fetched");
    expect(seen).toHaveLength(1);
    expect(seen[0]).toMatchObject({ url: `${server.baseUrl}/v1/organizations/create`, method: "POST" });
    expect(seen[0]!.headers.get("authorization")).toBe(`Bearer ${bearer}`);
    expect(seen[0]!.headers.get("content-type")).toBe("application/json");
    expect(JSON.parse(seen[0]!.body as string)).toEqual({ name: "Fetched" });
  });

  test("a relative base URL, as a browser page on the same origin uses", async () => {
    const urls: string[] = [];
    const client = createClient({
      baseUrl: "/orgs",
      fetch: async (url) => {
        urls.push(String(url));
        return Response.json({ roles: [] });
      },
    });
    await client.organizations.roles();
    expect(urls).toEqual(["/orgs/v1/organizations/roles"]);
  });

  test("methods without input send an empty object", async () => {
    let body: unknown;
    const client = createClient({
      baseUrl: server.baseUrl,
      token: bearer,
      fetch: (url, init) => {
        body = init?.body;
        return fetch(url, init);
      },
    });
    await client.organizations.list();
    expect(body).toBe("{}");
  });
});

describe("cancellation and timeouts", () => {
  test("an aborted signal rejects with its reason and sends nothing", async () => {
    let sent = false;
    let askedForToken = false;
    const client = createClient({
      baseUrl: server.baseUrl,
      token: () => {
        askedForToken = true;
        return bearer;
      },
      fetch: (url, init) => {
        sent = true;
        return fetch(url, init);
      },
    });
    const reason = new Error("the user navigated away");
    await expect(client.organizations.roles({ signal: AbortSignal.abort(reason) })).rejects.toBe(reason);
    expect({ sent, askedForToken }).toEqual({ sent: false, askedForToken: false });
  });

  test("aborting in flight rejects with the signal's reason", async () => {
    const client = createClient({ baseUrl: server.baseUrl, fetch: hangingFetch });
    const controller = new AbortController();
    const call = client.organizations.get({ organizationId: "x" }, { signal: controller.signal });
    const reason = new Error("closed the dialog");
    controller.abort(reason);
    await expect(call).rejects.toBe(reason);
  });

  test("a fetch that ignores its signal cannot outlast the timeout or the abort", async () => {
    const client = createClient({ baseUrl: server.baseUrl, fetch: deafFetch, timeoutMs: 50 });
    await expect(client.organizations.roles()).rejects.toMatchObject({ name: "TimeoutError" });
    const controller = new AbortController();
    const call = client.organizations.roles({ signal: controller.signal, timeoutMs: 0 });
    controller.abort();
    await expect(call).rejects.toMatchObject({ name: "AbortError" });
  });

  test("the caller's signal is let go once the call settles", async () => {
    const client = createClient({ baseUrl: server.baseUrl, token: bearer });
    const controller = new AbortController();
    const removeListener = vi.spyOn(controller.signal, "removeEventListener");
    await client.organizations.roles({ signal: controller.signal });
    expect(removeListener.mock.calls.map(([type]) => type)).toEqual(["abort"]);
  });

  test("a timeout too long for a timer, or Infinity, means no timeout", async () => {
    const client = createClient({ baseUrl: server.baseUrl, token: bearer, timeoutMs: Number.POSITIVE_INFINITY });
    expect((await client.organizations.roles()).roles).toHaveLength(3);
    expect((await client.organizations.roles({ timeoutMs: 2 ** 40 })).roles).toHaveLength(3);
  });

  test("the client's timeout rejects with a TimeoutError", async () => {
    const client = createClient({ baseUrl: server.baseUrl, fetch: hangingFetch, timeoutMs: 50 });
    await expect(client.organizations.roles()).rejects.toMatchObject({ name: "TimeoutError" });
  });

  test("a per-request timeout overrides the client's", async () => {
    const client = createClient({ baseUrl: server.baseUrl, fetch: hangingFetch, timeoutMs: 60_000 });
    const error: unknown = await client.organizations.roles({ timeoutMs: 30 }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(DOMException);
    expect((error as DOMException).name).toBe("TimeoutError");
    expect((error as DOMException).message).toContain("/v1/organizations/roles");
  });

  test("a timely answer is not cut short", async () => {
    const client = createClient({ baseUrl: server.baseUrl, token: bearer, timeoutMs: 10_000 });
    expect((await client.organizations.roles()).roles).toHaveLength(3);
  });
});

describe("answers that are not the API's envelope", () => {
  test("a proxy's HTML 502 becomes unavailable", async () => {
    const client = createClient({ baseUrl: "http://orgs.test", fetch: answering(502, "<html>Bad gateway</html>") });
    const error = await expectOrgsError(client.organizations.roles(), 502, "unavailable");
    expect(error.message).toContain("502");
  });

  test("a code this client does not know falls back to the status's code, keeping the message", async () => {
    const body = JSON.stringify({ error: { code: "quota_exceeded", message: "Too many organizations." } });
    const client = createClient({ baseUrl: "http://orgs.test", fetch: answering(403, body) });
    const error = await expectOrgsError(client.organizations.roles(), 403, "forbidden");
    expect(error.message).toBe("Too many organizations.");
  });

  test("a success that is not JSON is an error, not a crash in the caller", async () => {
    const client = createClient({ baseUrl: "http://orgs.test", fetch: answering(200, "OK") });
    await expectOrgsError(client.organizations.roles(), 200, "internal");
  });

  test("OrgsError is an Error with a name for logs", () => {
    const error = new OrgsError({ status: 409, code: "last_owner", message: "No owner would remain." });
    expect(error).toBeInstanceOf(Error);
    expect(String(error)).toBe("OrgsError: No owner would remain.");
    expect(error.retryAfter).toBeUndefined();
  });
});

describe("Retry-After", () => {
  test("seconds", () => {
    expect(parseRetryAfter("120")).toBe(120);
    expect(parseRetryAfter(null)).toBeUndefined();
    expect(parseRetryAfter("soon")).toBeUndefined();
  });

  test("an HTTP date becomes seconds from now", () => {
    const inAMinute = new Date(Date.now() + 60_000).toUTCString();
    expect(parseRetryAfter(inAMinute)).toBeGreaterThanOrEqual(58);
    expect(parseRetryAfter(inAMinute)).toBeLessThanOrEqual(61);
    expect(parseRetryAfter(new Date(0).toUTCString())).toBe(0);
  });

  test("reaches the error from a 429", async () => {
    const body = JSON.stringify({ error: { code: "rate_limited", message: "Slow down." } });
    const client = createClient({ baseUrl: "http://orgs.test", fetch: answering(429, body, { "retry-after": "7" }) });
    expect((await expectOrgsError(client.organizations.roles(), 429, "rate_limited")).retryAfter).toBe(7);
  });
});
