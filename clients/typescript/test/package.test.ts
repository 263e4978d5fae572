// The package as a project installs it: the built `dist/` through the package's own name,
// the tarball `npm pack` makes, and generated types that match the committed spec.
import { execFile } from "node:child_process";
import { mkdir, mkdtemp, readdir, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
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
  const error = await client.organizations
    .update({ organizationId: organization.id, name: "" })
    .catch((e: unknown) => e);
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

test("the packed tarball holds a working package and nothing else", async () => {
  const dir = await mkdtemp(join(tmpdir(), "orgs-client-pack-"));
  try {
    const packageDir = fileURLToPath(new URL("..", import.meta.url));
    const { stdout } = await run("npm", ["pack", "--json", "--ignore-scripts", "--pack-destination", dir], {
      cwd: packageDir,
    });
    const [packed] = JSON.parse(stdout) as [{ filename: string; files: { path: string }[] }];
    const paths = packed.files.map((f) => f.path);
    expect(paths).toContain("dist/index.js");
    expect(paths).toContain("dist/index.d.ts");
    expect(paths.filter((p) => !p.startsWith("dist/"))).toEqual(expect.arrayContaining(["package.json", "README.md"]));
    expect(paths.filter((p) => !p.startsWith("dist/") && p !== "package.json" && p !== "README.md")).toEqual([]);

    // What `npm install orgs-client.tgz` puts in a project, without asking a registry.
    const installed = join(dir, "project", "node_modules", "@orgs", "client");
    await mkdir(installed, { recursive: true });
    await run("tar", ["xzf", join(dir, packed.filename), "--strip-components=1", "-C", installed]);
    expect(await readdir(installed)).toEqual(expect.arrayContaining(["dist", "package.json"]));
    const consumer = join(dir, "project", "consumer.mjs");
    await writeFile(
      consumer,
      [
        'import { createClient, OrgsError } from "@orgs/client";',
        "const orgs = createClient({ baseUrl: process.argv[2], token: process.argv[3] });",
        'const { organization } = await orgs.organizations.create({ name: "From the tarball" });',
        'const error = await orgs.organizations.get({ organizationId: "nope" }).catch((e) => e);',
        "console.log(JSON.stringify({ name: organization.name, isOrgsError: error instanceof OrgsError, code: error.code }));",
      ].join("\n"),
    );
    const { bearer } = await server.user("tarball@example.com");
    const result = await run(process.execPath, [consumer, server.baseUrl, bearer]);
    expect(JSON.parse(result.stdout)).toEqual({ name: "From the tarball", isOrgsError: true, code: "not_found" });
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
});
