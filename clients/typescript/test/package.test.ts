// The package as a project installs it: the built `dist/` through the package's own name,
// and generated types that match the committed spec.
import { execFile } from "node:child_process";
import { fileURLToPath } from "node:url";
import { promisify } from "node:util";
import { afterAll, beforeAll, expect, test } from "vitest";
import { createClient, OrgsError } from "@orgs/client";
import { startServer, type TestServer } from "./server.js";

const run = promisify(execFile);
let server: TestServer;

beforeAll(async () => {
  server = await startServer();
});

afterAll(() => server?.stop());

test("the built package works against the server and throws its own error class", async () => {
  const client = createClient({ baseUrl: server.baseUrl, token: (await server.user("pkg@example.com")).bearer });
  const { organization } = await client.organizations.create({ name: "Packaged" });
  const error = await client.organizations.update({ organizationId: organization.id, name: "" }).catch((e: unknown) => e);
  expect(error).toBeInstanceOf(OrgsError);
  expect((error as OrgsError).code).toBe("invalid_request");
});

test("the generated types are what the committed spec generates", async () => {
  const script = fileURLToPath(new URL("../scripts/generate-types.mjs", import.meta.url));
  const check = await run(process.execPath, [script, "--check"]).then(
    () => "current",
    (error: { stderr: string }) => error.stderr,
  );
  expect(check).toBe("current");
});
