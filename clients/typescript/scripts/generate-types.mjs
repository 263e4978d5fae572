// Writes src/generated/openapi.ts from the committed spec, or with --check fails when the
// committed file differs from what the spec generates now. `cargo xtask client-types`
// runs this; the client's tests run the same check so a stale file cannot land.
import { createHash } from "node:crypto";
import { readFile, writeFile } from "node:fs/promises";
import { fileURLToPath } from "node:url";
import openapiTS, { astToString } from "openapi-typescript";

const SPEC = fileURLToPath(new URL("../../../openapi/openapi.json", import.meta.url));
const OUTPUT = fileURLToPath(new URL("../src/generated/openapi.ts", import.meta.url));

/** The file's text as the spec generates it now. */
export async function generate() {
  const specText = await readFile(SPEC);
  const spec = JSON.parse(specText.toString("utf8"));
  // A Rust test compares this digest with the spec's, so a plain `cargo test` notices a
  // spec changed without regenerating the client, no Node.js needed.
  const digest = createHash("sha256").update(specText).digest("hex");
  const { version } = JSON.parse(
    await readFile(new URL("../node_modules/openapi-typescript/package.json", import.meta.url), "utf8"),
  );
  const ast = await openapiTS(spec, { alphabetize: true, silent: true, enumValues: true });
  const banner = [
    "// Generated from openapi/openapi.json by `cargo xtask client-types` (openapi-typescript",
    `// ${version}). Do not edit by hand: change the Rust handlers, regenerate the spec, then this.`,
    `// openapi.json sha256: ${digest}`,
    "",
  ].join("\n");
  return banner + astToString(ast);
}

/** True when the committed file matches the spec. */
export async function isCurrent() {
  const committed = await readFile(OUTPUT, "utf8").catch(() => "");
  return committed === (await generate());
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  if (process.argv.includes("--check")) {
    if (!(await isCurrent())) {
      console.error(
        "clients/typescript/src/generated/openapi.ts is stale: run `cargo xtask client-types` and commit the result",
      );
      process.exit(1);
    }
  } else {
    await writeFile(OUTPUT, await generate());
    console.log(`wrote ${OUTPUT}`);
  }
}
