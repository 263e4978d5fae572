// Debian's Chromium driven by playwright-core, with the flags this sandbox needs (no
// background networking: the machine's closed network refuses it noisily), and axe-core
// run inside the page, where contrast can be measured.
import { createRequire } from "node:module";
import { chromium, type Browser, type Page } from "playwright-core";

const require = createRequire(import.meta.url);

export const CHROMIUM = process.env.CHROMIUM_PATH ?? "/usr/bin/chromium";

export function launch(): Promise<Browser> {
  return chromium.launch({
    executablePath: CHROMIUM,
    headless: true,
    args: [
      "--no-sandbox",
      "--disable-gpu",
      "--disable-quic",
      "--no-first-run",
      "--disable-background-networking",
      "--disable-component-update",
      "--disable-sync",
    ],
  });
}

/** axe's violations on the page as `rule: elements`, contrast included. */
export async function axeViolations(page: Page): Promise<string[]> {
  await page.addScriptTag({ path: require.resolve("axe-core/axe.min.js") });
  return page.evaluate(async () => {
    const axe = (window as unknown as { axe: typeof import("axe-core") }).axe;
    const results = await axe.run(document);
    return results.violations.map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(" ")).join(", ")}`);
  });
}

/** A fresh context on the console at `url`, signed in with `bearer`. */
export async function signIn(browser: Browser, url: string, bearer: string): Promise<Page> {
  const context = await browser.newContext({ viewport: { width: 1360, height: 900 } });
  const page = await context.newPage();
  page.setDefaultTimeout(15_000);
  await page.goto(url);
  await page.getByLabel("Bearer", { exact: true }).fill(bearer);
  await page.getByRole("button", { name: "Sign in" }).click();
  return page;
}

/** A landmark region of the page by its exact name, as each widget labels its frame. */
export const region = (page: Page, name: string) => page.getByRole("region", { name, exact: true });
