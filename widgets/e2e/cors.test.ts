// CORS in a real browser: a page served from one origin calls an orgs-server on another.
// A server that lists the page's origin in ORGS_CORS_ORIGINS answers it, through plain
// fetch and through the TypeScript client, and lets it read the exposed x-request-id; a
// server that lists no origin, or only a different one, is refused by Chromium itself
// (fetch rejects with a TypeError) while the same request from Node, outside the browser,
// shows that the server answered normally and only left the CORS headers out.
import { createServer, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import { fileURLToPath } from "node:url";
import type { Browser, Page } from "playwright-core";
import { build, type Rolldown } from "vite";
import { afterAll, beforeAll, describe, expect, test } from "vitest";
import type * as OrgsClientModule from "../../clients/typescript/src/index.js";
import { startServer, type TestServer } from "../../clients/typescript/test/server.js";
import { launch } from "./browser.js";

const CLIENT_ENTRY = fileURLToPath(new URL("../../clients/typescript/src/index.ts", import.meta.url));

/** The page's script puts the client module here. */
type PageWindow = Window & { orgs?: typeof OrgsClientModule };

/** What the page learned from one call: the answer, or how the call failed. */
type Outcome =
  | { ok: true; status: number; body: unknown; requestId: string | null }
  | { ok: false; name: string; message: string; status?: number; code?: string };

interface Target {
  server: TestServer;
  bearer: string;
}

let site: Server;
let pageOrigin: string;
let allowing: Target;
let unlisted: Target;
let elsewhere: Target;
let browser: Browser;
let page: Page;
const consoleErrors: string[] = [];

async function target(settings: Record<string, string>): Promise<Target> {
  const server = await startServer(settings);
  return { server, bearer: (await server.user("alice@example.com")).bearer };
}

/** The client's sources as one ES module the page can import. */
async function clientBundle(): Promise<string> {
  const output = (await build({
    configFile: false,
    logLevel: "warn",
    build: {
      write: false,
      lib: { entry: CLIENT_ENTRY, formats: ["es"], fileName: "client" },
      minify: false,
    },
  })) as Rolldown.RolldownOutput | Rolldown.RolldownOutput[];
  const chunk = [output].flat()[0]!.output[0];
  return chunk.code;
}

/** Serves the page and the client from an origin of its own. */
async function servePage(client: string): Promise<Server> {
  const html =
    '<!doctype html><html lang="en"><head><meta charset="utf-8"><title>CORS</title></head><body>' +
    '<script type="module">import * as orgs from "/client.js"; window.orgs = orgs;</script></body></html>';
  const server = createServer((request, response) => {
    if (request.url === "/") {
      response.writeHead(200, { "content-type": "text/html; charset=utf-8" }).end(html);
    } else if (request.url === "/client.js") {
      response.writeHead(200, { "content-type": "text/javascript; charset=utf-8" }).end(client);
    } else {
      response.writeHead(404).end();
    }
  });
  await new Promise<void>((resolve, reject) => {
    server.once("error", reject);
    server.listen(0, "127.0.0.1", resolve);
  });
  return server;
}

beforeAll(async () => {
  site = await servePage(await clientBundle());
  const { port } = site.address() as AddressInfo;
  pageOrigin = `http://127.0.0.1:${port}`;
  // Settings the test environment may carry are overridden, so `unlisted` really lists none.
  [allowing, unlisted, elsewhere] = await Promise.all([
    target({ ORGS_CORS_ORIGINS: pageOrigin }),
    target({ ORGS_CORS_ORIGINS: "" }),
    // The same port on another host name is another origin.
    target({ ORGS_CORS_ORIGINS: `http://localhost:${port}` }),
  ]);
  browser = await launch();
  page = await (await browser.newContext()).newPage();
  page.setDefaultTimeout(15_000);
  page.on("console", (message) => {
    if (message.type() === "error") consoleErrors.push(message.text());
  });
  await page.goto(`${pageOrigin}/`);
  await page.waitForFunction(() => (window as PageWindow).orgs !== undefined);
});

afterAll(async () => {
  await browser?.close();
  await new Promise((resolve) => {
    if (!site) return resolve(undefined);
    site.closeAllConnections();
    site.close(resolve);
  });
  await Promise.all([allowing, unlisted, elsewhere].map((t) => t?.server.stop()));
});

/** `POST /v1/organizations/create` with plain fetch from inside the page. */
function fetchFromPage(to: Target, name: string, requestId: string): Promise<Outcome> {
  return page.evaluate(
    async ({ baseUrl, bearer, name, requestId }): Promise<Outcome> => {
      try {
        const answer = await fetch(`${baseUrl}/v1/organizations/create`, {
          method: "POST",
          headers: { authorization: `Bearer ${bearer}`, "content-type": "application/json", "x-request-id": requestId },
          body: JSON.stringify({ name }),
        });
        return {
          ok: true,
          status: answer.status,
          body: await answer.json(),
          requestId: answer.headers.get("x-request-id"),
        };
      } catch (error) {
        const { name, message } = error as Error;
        return { ok: false, name, message };
      }
    },
    { baseUrl: to.server.baseUrl, bearer: to.bearer, name, requestId },
  );
}

/** `organizations.create` through the TypeScript client, loaded by the page. */
function clientFromPage(to: Target, name: string, bearer = to.bearer): Promise<Outcome> {
  return page.evaluate(
    async ({ baseUrl, bearer, name }): Promise<Outcome> => {
      const client = (window as PageWindow).orgs!.createClient({ baseUrl, token: bearer });
      try {
        return { ok: true, status: 200, body: await client.organizations.create({ name }), requestId: null };
      } catch (error) {
        const { name, message, status, code } = error as Error & { status?: number; code?: string };
        return { ok: false, name, message, status, code };
      }
    },
    { baseUrl: to.server.baseUrl, bearer, name },
  );
}

/** The same create from Node, as the page's origin, with the answer's CORS headers. */
async function createFromNode(to: Target, name: string) {
  const answer = await fetch(`${to.server.baseUrl}/v1/organizations/create`, {
    method: "POST",
    headers: { origin: pageOrigin, authorization: `Bearer ${to.bearer}`, "content-type": "application/json" },
    body: JSON.stringify({ name }),
  });
  return { status: answer.status, body: (await answer.json()) as unknown, cors: corsHeaders(answer.headers) };
}

/** The browser's preflight for that create, sent from Node. */
async function preflightFromNode(to: Target, origin = pageOrigin) {
  const answer = await fetch(`${to.server.baseUrl}/v1/organizations/create`, {
    method: "OPTIONS",
    headers: {
      origin,
      "access-control-request-method": "POST",
      "access-control-request-headers": "authorization,content-type,x-request-id",
    },
  });
  return { status: answer.status, cors: corsHeaders(answer.headers) };
}

function corsHeaders(headers: Headers): Record<string, string> {
  return Object.fromEntries([...headers].filter(([name]) => name.startsWith("access-control-")));
}

async function organizationNames(to: Target): Promise<string[]> {
  const answer = await fetch(`${to.server.baseUrl}/v1/organizations/list`, {
    method: "POST",
    headers: { authorization: `Bearer ${to.bearer}`, "content-type": "application/json" },
    body: "{}",
  });
  const body = (await answer.json()) as { organizations: { organization: { name: string } }[] };
  return body.organizations.map((m) => m.organization.name);
}

describe("a server that lists the page's origin", () => {
  test("answers the page's fetch, which reads the created organization and the exposed x-request-id", async () => {
    expect(new URL(allowing.server.baseUrl).origin).not.toBe(pageOrigin);
    const outcome = await fetchFromPage(allowing, "Acme", "cors-e2e-fetch");
    expect(outcome).toMatchObject({
      ok: true,
      status: 200,
      body: { organization: { name: "Acme" } },
      requestId: "cors-e2e-fetch",
    });
  });

  test("answers the TypeScript client in the page, errors included", async () => {
    expect(await clientFromPage(allowing, "Globex")).toMatchObject({
      ok: true,
      body: { organization: { name: "Globex" } },
    });
    // A 401 carries the CORS headers too, so the client reads the error body, not a TypeError.
    expect(await clientFromPage(allowing, "Initech", "nope:nope")).toMatchObject({
      ok: false,
      name: "OrgsError",
      status: 401,
      code: "unauthenticated",
    });
    expect(await organizationNames(allowing)).toEqual(["Acme", "Globex"]);
  });

  test("answers the preflight from Node with 204 and the allowed method and headers", async () => {
    const preflight = await preflightFromNode(allowing);
    expect(preflight.status).toBe(204);
    expect(preflight.cors["access-control-allow-origin"]).toBe(pageOrigin);
    expect(preflight.cors["access-control-allow-methods"]).toBe("POST");
    expect(preflight.cors["access-control-allow-headers"]?.toLowerCase().split(/,\s*/)).toEqual(
      expect.arrayContaining(["authorization", "content-type", "x-request-id"]),
    );
  });
});

describe.each([
  ["lists no origin", () => unlisted],
  ["lists only another origin", () => elsewhere],
])("a server that %s", (_, to) => {
  test("is refused by the browser, fetch and client alike, with a TypeError", async () => {
    consoleErrors.length = 0;
    const viaFetch = await fetchFromPage(to(), "Acme", "cors-e2e-refused");
    expect(viaFetch).toMatchObject({ ok: false, name: "TypeError", message: "Failed to fetch" });
    const viaClient = await clientFromPage(to(), "Globex");
    expect(viaClient).toMatchObject({ ok: false, name: "TypeError", message: "Failed to fetch" });
    // Chromium says why: the preflight's answer has no Access-Control-Allow-Origin.
    await expect
      .poll(() => consoleErrors.filter((text) => text.includes("blocked by CORS policy")).length)
      .toBeGreaterThanOrEqual(2);
    // The preflight failed, so the browser never sent the POST: nothing was created.
    expect(await organizationNames(to())).toEqual([]);
  });

  test("answers the same request from Node normally, only without CORS headers", async () => {
    const preflight = await preflightFromNode(to());
    expect(preflight.status).not.toBe(204);
    expect(preflight.cors).toEqual({});
    const created = await createFromNode(to(), "Acme");
    expect(created).toMatchObject({ status: 200, body: { organization: { name: "Acme" } }, cors: {} });
    expect(await organizationNames(to())).toEqual(["Acme"]);
  });
});

test("the other origin is answered by the server that lists it", async () => {
  // So `elsewhere` refused the page for its origin, not for being misconfigured.
  const preflight = await preflightFromNode(elsewhere, elsewhereOrigin());
  expect(preflight.status).toBe(204);
  expect(preflight.cors["access-control-allow-origin"]).toBe(elsewhereOrigin());
});

function elsewhereOrigin(): string {
  return pageOrigin.replace("127.0.0.1", "localhost");
}
