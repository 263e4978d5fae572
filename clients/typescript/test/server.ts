// The real orgs-server as a child process for the tests: a fresh SQLite file in a temporary
// folder, a port the kernel picks (read back from the server's own `listening` log line),
// and users made with `orgs-server users create` against the same file. A test may give the
// text of a TOML config file (declared roles, say), which both then read.
import { execFile, spawn, type ChildProcess } from "node:child_process";
import { mkdtemp, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { createInterface } from "node:readline";
import { promisify } from "node:util";
import { inject } from "vitest";

const run = promisify(execFile);

export interface TestServer {
  baseUrl: string;
  databaseFile: string;
  /** Creates the user (or finds it) and mints a personal API token for it. */
  user(email: string): Promise<{ userId: string; bearer: string }>;
  stop(): Promise<void>;
}

export interface ServerOptions {
  /** The text of an `orgs.toml`, written beside the database and named by `ORGS_CONFIG`. */
  config?: string;
}

export async function startServer(
  settings: Record<string, string> = {},
  options: ServerOptions = {},
): Promise<TestServer> {
  const binary = inject("serverBinary");
  const dir = await mkdtemp(join(tmpdir(), "orgs-client-test-"));
  const databaseFile = join(dir, "orgs.db");
  const env: NodeJS.ProcessEnv = { ...process.env, ORGS_DATABASE_URL: `sqlite://${databaseFile}`, ...settings };
  if (options.config !== undefined) {
    env.ORGS_CONFIG = join(dir, "orgs.toml");
    await writeFile(env.ORGS_CONFIG, options.config);
  }
  const child = spawn(binary, ["serve"], {
    cwd: dir,
    env: {
      ...env,
      ORGS_LISTEN: "127.0.0.1:0",
      ORGS_LOG_FORMAT: "json",
      ORGS_LOG_LEVEL: "warn,orgs_server::serve=info",
    },
    stdio: ["ignore", "ignore", "pipe"],
  });
  const address = await listeningAddress(child);
  return {
    baseUrl: `http://${address}`,
    databaseFile,
    async user(email) {
      const { stdout } = await run(binary, ["users", "create", "--email", email], { cwd: dir, env });
      return JSON.parse(stdout) as { userId: string; bearer: string };
    },
    async stop() {
      if (child.exitCode === null) {
        const exited = new Promise((resolve) => child.once("exit", resolve));
        child.kill("SIGTERM");
        await exited;
      }
      await rm(dir, { recursive: true, force: true });
    },
  };
}

function listeningAddress(child: ChildProcess): Promise<string> {
  return new Promise((resolve, reject) => {
    const seen: string[] = [];
    const timer = setTimeout(() => fail("did not say where it listens within 20 s"), 20_000);
    const fail = (why: string) => {
      clearTimeout(timer);
      child.kill("SIGKILL");
      reject(new Error(`orgs-server ${why}:\n${seen.join("\n")}`));
    };
    child.once("exit", (code) => fail(`exited with ${code}`));
    createInterface({ input: child.stderr! }).on("line", (line) => {
      seen.push(line);
      try {
        const event = JSON.parse(line) as {
          message?: string;
          addr?: string;
          fields?: { message?: string; addr?: string };
        };
        const fields = event.fields ?? event;
        if (fields.message === "listening" && fields.addr) {
          clearTimeout(timer);
          child.removeAllListeners("exit");
          resolve(fields.addr);
        }
      } catch {
        // Not a JSON line: kept for the failure message only.
      }
    });
  });
}
