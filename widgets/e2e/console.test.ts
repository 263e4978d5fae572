// The console end to end in a real browser against a real orgs-server: create an
// organization, invite a second user who accepts in another browser context, a third who
// joins with a code, change a role, hit last_owner, mint a token that works, revoke it and
// see it refused, read all of that back in the audit log, transfer ownership, leave, and
// delete an organization. Screenshots of the console and the gallery go to SCREENSHOT_DIR
// (default e2e/output).
import { mkdir } from "node:fs/promises";
import { fileURLToPath } from "node:url";
import type { Browser, Page } from "playwright-core";
import { build, preview, type PreviewServer } from "vite";
import { afterAll, beforeAll, describe, expect, test } from "vitest";
import { startServer, type TestServer } from "../../clients/typescript/test/server.js";
import { axeViolations, launch, region, signIn } from "./browser.js";

const CONFIG = fileURLToPath(new URL("../console/vite.config.ts", import.meta.url));
const SCREENSHOTS = process.env.SCREENSHOT_DIR ?? fileURLToPath(new URL("./output/", import.meta.url));

let orgs: TestServer;
let site: PreviewServer;
let consoleUrl: string;
let browser: Browser;
const bearers: Record<string, string> = {};

beforeAll(async () => {
  orgs = await startServer();
  for (const name of ["alice", "bob", "carol"]) bearers[name] = (await orgs.user(`${name}@example.com`)).bearer;
  process.env.ORGS_URL = orgs.baseUrl;
  await build({ configFile: CONFIG, logLevel: "warn" });
  site = await preview({ configFile: CONFIG, preview: { port: 0, strictPort: false }, logLevel: "warn" });
  consoleUrl = site.resolvedUrls!.local[0]!;
  browser = await launch();
  await mkdir(SCREENSHOTS, { recursive: true });
});

afterAll(async () => {
  await browser?.close();
  await site?.close();
  await orgs?.stop();
});

const signedIn = (name: string, url = consoleUrl) => signIn(browser, url, bearers[name]!);

describe.sequential("the console", () => {
  let alice: Page;
  let invitationLink: string;
  let joinCode: string;
  let mintedBearer: string;

  test("a new user has no organization and creates one", async () => {
    alice = await signedIn("alice");
    await region(alice, "Organization").getByText("You are not in any organization yet").waitFor();
    await region(alice, "Create an organization").getByLabel("Organization name").fill("Acme");
    await region(alice, "Create an organization").getByRole("button", { name: "Create organization" }).click();
    await region(alice, "Members").getByRole("combobox", { name: "Role of alice@example.com" }).waitFor();
    expect(await region(alice, "Organization profile").locator("dd").first().textContent()).toBe("Acme");
  });

  test("an invitation is accepted by the invited user in another browser", async () => {
    const invite = region(alice, "Invite a member");
    await invite.getByLabel("Email address").fill("bob@example.com");
    await invite.getByRole("button", { name: "Create invitation link" }).click();
    invitationLink = await invite.getByRole("textbox", { name: "Invitation link" }).inputValue();
    expect(invitationLink).toMatch(/\?invitation=/);
    await region(alice, "Pending invitations").getByText("bob@example.com").waitFor();

    const bob = await signedIn("bob", invitationLink);
    await region(bob, "Accept invitation").getByRole("button", { name: "Accept invitation" }).click();
    await region(bob, "Accept invitation").getByText("You are now a member of Acme as member.").waitFor();
    // The used token leaves the address bar, and the result stays once the rest catches up.
    expect(bob.url()).not.toContain("invitation=");
    // Bob's own row is marked as his.
    await region(bob, "Members").getByRole("cell", { name: "bob@example.com (you)", exact: true }).waitFor();
    await region(bob, "Accept invitation").getByText("You are now a member of Acme as member.").waitFor();
    await bob.context().close();
  });

  test("a third user joins with a code", async () => {
    await region(alice, "Invite a member").getByRole("button", { name: "Done" }).click();
    const create = region(alice, "Create a join code");
    await create.getByLabel("Maximum uses").fill("1");
    await create.getByRole("button", { name: "Create join code" }).click();
    joinCode = await create.getByRole("textbox", { name: "Join code" }).inputValue();
    expect(joinCode).toMatch(/^[A-Z0-9]{4}(-[A-Z0-9]{4}){3}$/);
    await region(alice, "Join codes").getByText("0 of 1").waitFor();

    const carol = await signedIn("carol");
    await region(carol, "Join with a code").getByLabel("Join code").fill(joinCode);
    await region(carol, "Join with a code").getByRole("button", { name: "Join" }).click();
    await region(carol, "Join with a code").getByText("Welcome to Acme: you joined as member.").waitFor();
    await carol.context().close();
  });

  test("the owner sees both, promotes one, and cannot demote the last owner", async () => {
    await alice.reload();
    const members = region(alice, "Members");
    await members.getByRole("cell", { name: "carol@example.com", exact: true }).waitFor();
    await region(alice, "Join codes").getByText("1 of 1 (used up)").waitFor();
    await members.getByRole("combobox", { name: "Role of bob@example.com" }).selectOption("admin");
    await members.getByRole("button", { name: "Save role" }).click();
    await members.getByRole("button", { name: "Save role" }).waitFor({ state: "detached" });
    await alice.reload();
    expect(await region(alice, "Members").getByRole("combobox", { name: "Role of bob@example.com" }).inputValue()).toBe(
      "admin",
    );

    await region(alice, "Members").getByRole("combobox", { name: "Role of alice@example.com" }).selectOption("member");
    await region(alice, "Members").getByRole("button", { name: "Save role" }).click();
    const alert = region(alice, "Members").getByRole("alert");
    await alert.waitFor();
    expect(await alert.textContent()).toContain("An organization needs at least one owner");
    expect(
      await region(alice, "Members").getByRole("combobox", { name: "Role of alice@example.com" }).inputValue(),
    ).toBe("owner");
  });

  test("a minted token is shown once and works at once", async () => {
    const tokens = region(alice, "Create an API token");
    await tokens.getByLabel("Name (optional)").fill("CI");
    await tokens.getByRole("button", { name: "Create token" }).click();
    const bearer = await tokens.getByRole("textbox", { name: "API token" }).inputValue();
    mintedBearer = bearer;
    const answer = await fetch(`${orgs.baseUrl}/v1/organizations/list`, {
      method: "POST",
      headers: { authorization: `Bearer ${bearer}`, "content-type": "application/json" },
      body: "{}",
    });
    const body = (await answer.json()) as { organizations: { organization: { name: string }; role: string }[] };
    expect(body.organizations.map((m) => [m.organization.name, m.role])).toEqual([["Acme", "admin"]]);
    await alice.screenshot({ path: `${SCREENSHOTS}/console.png`, fullPage: true });
  });

  test("the console has no axe violations, contrast included", async () => {
    expect(await axeViolations(alice)).toEqual([]);
  });

  test("the token is listed, revoked there, and its bearer is refused at once", async () => {
    const tokens = region(alice, "API tokens");
    const lastFour = mintedBearer.slice(-4);
    const row = tokens.getByRole("row").filter({ hasText: `…${lastFour}` });
    await row.waitFor();
    const cells = await row.getByRole("cell").allTextContents();
    expect(cells.slice(0, 3)).toEqual(["CI", "live", `…${lastFour}`]);
    await tokens.getByRole("button", { name: `Revoke CI (…${lastFour})` }).click();
    await tokens.getByRole("button", { name: "Confirm revoke" }).click();
    await tokens.getByText("No API tokens.").waitFor();
    const answer = await fetch(`${orgs.baseUrl}/v1/me`, {
      method: "POST",
      headers: { authorization: `Bearer ${mintedBearer}`, "content-type": "application/json" },
      body: "{}",
    });
    expect(answer.status).toBe(401);
    expect(((await answer.json()) as { error: { code: string } }).error.code).toBe("unauthenticated");
  });

  test("the audit log tells what happened, newest first, and filters by action", async () => {
    const log = region(alice, "Audit log");
    const sentences = () => log.locator(".orgs-audit-event > span").allTextContents();
    // The revoke just made reloads the log with the rest.
    await log.getByText("alice@example.com revoked the API token CI (live)").waitFor();
    const everything = [
      "alice@example.com revoked the API token CI (live)",
      "alice@example.com created the API token CI (live)",
      "alice@example.com changed bob@example.com's role from member to admin",
      "carol@example.com joined with a join code as member",
      "alice@example.com created a join code for member (1 use)",
      "bob@example.com accepted the invitation as member",
      "bob@example.com joined by invitation as member",
      "alice@example.com invited bob@example.com as member",
      "alice@example.com joined as owner on creating the organization",
      "alice@example.com created the organization Acme",
    ];
    // The refused demotion of the last owner changed nothing, so it is not there.
    expect(await sentences()).toEqual(everything);
    const newest = Date.parse((await log.locator("time").first().getAttribute("datetime"))!);
    expect(Date.now() - newest).toBeLessThan(10 * 60_000);

    const filter = log.getByRole("combobox", { name: "Action" });
    await filter.selectOption({ label: "Role changed" });
    await expect
      .poll(sentences, { timeout: 10_000 })
      .toEqual(["alice@example.com changed bob@example.com's role from member to admin"]);
    await filter.selectOption({ label: "All actions" });
    await expect.poll(sentences, { timeout: 10_000 }).toEqual(everything);
  });

  test("the only owner is told why she cannot leave", async () => {
    const leave = region(alice, "Leave organization");
    await leave.getByRole("button", { name: "Leave Acme" }).click();
    await leave.getByRole("button", { name: "Confirm leaving" }).click();
    const alert = leave.getByRole("alert");
    await alert.waitFor();
    expect(await alert.textContent()).toContain("You are the only owner of Acme, so you cannot leave it yet.");
  });

  test("a transfer makes carol the owner and alice an admin", async () => {
    const transfer = region(alice, "Transfer ownership");
    await transfer.getByRole("combobox", { name: "New owner" }).selectOption({ label: "carol@example.com (member)" });
    await transfer.getByRole("button", { name: "Transfer ownership" }).click();
    await transfer.getByRole("button", { name: "Confirm transfer" }).click();
    await transfer.getByText("carol@example.com is now an owner, and you are now an admin.").waitFor();
    await transfer.getByText("Only owners can transfer ownership.").waitFor();
    await alice.waitForFunction(
      () =>
        document.querySelector<HTMLSelectElement>(".orgs-organization-switcher select")?.selectedOptions[0]
          ?.textContent === "Acme (admin)",
    );
    const members = region(alice, "Members");
    await members.getByRole("cell", { name: "carol@example.com", exact: true }).waitFor();
    expect(await members.getByRole("row").filter({ hasText: "carol@example.com" }).textContent()).toContain("owner");
    await region(alice, "Delete organization").getByText("Only owners can delete this organization.").waitFor();
  });

  test("alice, no longer the only owner, leaves and Acme vanishes from her switcher", async () => {
    const leave = region(alice, "Leave organization");
    await leave.getByRole("button", { name: "Leave Acme" }).click();
    await leave.getByRole("button", { name: "Confirm leaving" }).click();
    await leave.getByText("You left Acme.").waitFor();
    await region(alice, "Organization").getByText("You are not in any organization yet").waitFor();
  });

  test("a deleted organization vanishes from the switcher and the list", async () => {
    for (const name of ["Keep", "Doomed"]) {
      await region(alice, "Create an organization").getByLabel("Organization name").fill(name);
      await region(alice, "Create an organization").getByRole("button", { name: "Create organization" }).click();
      await region(alice, "Your organizations").getByText(name, { exact: true }).waitFor();
    }
    const danger = region(alice, "Delete organization");
    const button = danger.getByRole("button", { name: "Delete this organization" });
    await danger.getByLabel("Type Doomed to confirm").fill("doomed");
    expect(await button.isDisabled()).toBe(true);
    await danger.getByLabel("Type Doomed to confirm").fill("Doomed");
    await alice.screenshot({ path: `${SCREENSHOTS}/console-lifecycle.png`, fullPage: true });
    await button.click();
    await danger.getByText("Doomed was deleted.").waitFor();
    const switcher = region(alice, "Organization").getByRole("combobox", { name: "Active organization" });
    await alice.waitForFunction(
      () => document.querySelector<HTMLSelectElement>(".orgs-organization-switcher select")?.options.length === 1,
    );
    expect(await switcher.locator("option").allTextContents()).toEqual(["Keep (owner)"]);
    await region(alice, "Your organizations").getByText("Doomed", { exact: true }).waitFor({ state: "detached" });
    expect(await axeViolations(alice)).toEqual([]);
  });
});

describe("the gallery", () => {
  test("shows all 19 widgets with sample data and makes no API request", async () => {
    const context = await browser.newContext({ viewport: { width: 1360, height: 900 } });
    const page = await context.newPage();
    const apiRequests: string[] = [];
    page.on("request", (request) => {
      if (request.url().includes("/orgs/")) apiRequests.push(request.url());
    });
    await page.goto(new URL("gallery.html", consoleUrl).toString());
    await page.getByText("grace@acme.test").first().waitFor();
    await page.waitForFunction(() => document.querySelector(".orgs-loading") === null);
    expect(await page.locator("[data-widget]").count()).toBe(19);
    expect(apiRequests).toEqual([]);
    expect(await axeViolations(page)).toEqual([]);
    await page.screenshot({ path: `${SCREENSHOTS}/gallery.png`, fullPage: true });
    await context.close();
  });
});
