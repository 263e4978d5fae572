// Finds the orgs-server binary the tests start, building it first unless ORGS_SERVER_BIN
// names one (`cargo xtask client-test` builds it and passes it in).
import { execFileSync } from "node:child_process";
import { existsSync } from "node:fs";
import { resolve } from "node:path";
import { fileURLToPath } from "node:url";
import type { TestProject } from "vitest/node";

const REPO = fileURLToPath(new URL("../../../", import.meta.url));

export default function setup(project: TestProject) {
  let binary = process.env.ORGS_SERVER_BIN;
  if (!binary) {
    execFileSync(process.env.CARGO ?? "cargo", ["build", "--quiet", "--package", "orgs-server"], {
      cwd: REPO,
      stdio: "inherit",
    });
    binary = resolve(REPO, process.env.CARGO_TARGET_DIR ?? "target", "debug", "orgs-server");
  }
  if (!existsSync(binary)) throw new Error(`no orgs-server binary at ${binary}`);
  project.provide("serverBinary", binary);
}

declare module "vitest" {
  export interface ProvidedContext {
    serverBinary: string;
  }
}
