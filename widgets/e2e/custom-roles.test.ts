// The console in a real browser against a real orgs-server whose config declares roles of
// its own (billing, viewer, manager): the role selects offer exactly what the signed-in
// caller may grant, a member in a role the caller cannot grant cannot be changed, the role
// matrix shows the declared permission and descriptions, and the gallery shows them too.
import { fileURLToPath } from "node:url";
import { createClient } from "@orgs/client";
import type { Browser } from "playwright-core";
import { build, preview, type PreviewServer } from "vite";
import { afterAll, beforeAll, describe, expect, test } from "vitest";
import { CUSTOM_ROLES_CONFIG } from "../../clients/typescript/test/custom-roles.js";
import { startServer, type TestServer } from "../../clients/typescript/test/server.js";
import { axeViolations, launch, region, signIn } from "./browser.js";

const CONFIG = fileURLToPath(new URL("../console/vite.config.ts", import.meta.url));
const ALL_SIX = ["owner", "manager", "admin", "billing", "member", "viewer"];

let orgs: TestServer;
let site: PreviewServer;
let consoleUrl: string;
let browser: Browser;
const bearers: Record<string, string> = {};

beforeAll(async () => {
  orgs = await startServer({}, { config: CUSTOM_ROLES_CONFIG });
  for (const name of ["alice", "bob", "carol"]) bearers[name] = (await orgs.user(`${name}@example.com`)).bearer;
  // Acme: alice owns it, bob is an admin, carol holds the declared billing role.
  const as = (name: string) => createClient({ baseUrl: orgs.baseUrl, token: bearers[name] });
  const { organization } = await as("alice").organizations.create({ name: "Acme" });
  for (const [name, role] of [
    ["bob", "admin"],
    ["carol", "billing"],
  ] as const) {
    const { token } = await as("alice").organizations.invitations.create({
      organizationId: organization.id,
      email: `${name}@example.com`,
      role,
    });
    await as(name).organizations.invitations.accept({ token });
  }
  process.env.ORGS_URL = orgs.baseUrl;
  await build({ configFile: CONFIG, logLevel: "warn" });
  site = await preview({ configFile: CONFIG, preview: { port: 0, strictPort: false }, logLevel: "warn" });
  consoleUrl = site.resolvedUrls!.local[0]!;
  browser = await launch();
});

afterAll(async () => {
  await browser?.close();
  await site?.close();
  await orgs?.stop();
});

const signedIn = (name: string) => signIn(browser, consoleUrl, bearers[name]!);

describe.sequential("declared roles in the console", () => {
  test("an owner is offered every role, and invites with a declared one", async () => {
    const alice = await signedIn("alice");
    const invite = region(alice, "Invite a member");
    const role = invite.getByRole("combobox", { name: "Role", exact: true });
    await role.waitFor();
    expect(await role.locator("option").allTextContents()).toEqual(ALL_SIX);
    expect(await role.inputValue()).toBe("member");
    expect(
      await region(alice, "Create a join code")
        .getByRole("combobox", { name: "Role for people who join" })
        .locator("option")
        .allTextContents(),
    ).toEqual(ALL_SIX);

    await invite.getByLabel("Email address").fill("dan@example.com");
    await role.selectOption("billing");
    await invite.getByRole("button", { name: "Create invitation link" }).click();
    await invite.getByRole("textbox", { name: "Invitation link" }).waitFor();
    const pending = region(alice, "Pending invitations").getByRole("row").filter({ hasText: "dan@example.com" });
    await pending.waitFor();
    expect(await pending.textContent()).toContain("billing");

    // carol's select offers every role to an owner, her declared one selected.
    const carol = region(alice, "Members").getByRole("combobox", { name: "Role of carol@example.com" });
    expect(await carol.inputValue()).toBe("billing");
    expect(await carol.isEnabled()).toBe(true);
    await alice.context().close();
  });

  test("the role matrix shows the declared permission, the declared roles and their descriptions", async () => {
    const alice = await signedIn("alice");
    const matrix = region(alice, "Roles and permissions");
    await matrix.getByRole("table").waitFor();
    expect(await matrix.getByRole("columnheader").allTextContents()).toEqual([
      "Role",
      "org:view",
      "org:manage",
      "members:view",
      "members:manage",
      "billing:manage",
    ]);
    expect(await matrix.locator("tbody th .orgs-badge").allTextContents()).toEqual(ALL_SIX);
    await matrix.getByText("Sees the organization and manages its billing").waitFor();
    await matrix.getByText("Manages members and billing").waitFor();
    await matrix.getByText("Sees the organization, nothing more").waitFor();
    const billing = matrix.getByRole("row").filter({ hasText: "Sees the organization and manages its billing" });
    expect(await billing.getByRole("cell").allTextContents()).toEqual(["✓Yes", "–No", "–No", "–No", "✓Yes"]);
    expect(await axeViolations(alice)).toEqual([]);
    await alice.context().close();
  });

  test("an admin is offered only what admins may grant, and cannot touch a billing member", async () => {
    const bob = await signedIn("bob");
    const role = region(bob, "Invite a member").getByRole("combobox", { name: "Role", exact: true });
    await role.waitFor();
    // billing ranks below admin but carries billing:manage, which admins lack.
    expect(await role.locator("option").allTextContents()).toEqual(["admin", "member", "viewer"]);
    expect(await role.inputValue()).toBe("member");
    expect(
      await region(bob, "Create a join code")
        .getByRole("combobox", { name: "Role for people who join" })
        .locator("option")
        .allTextContents(),
    ).toEqual(["admin", "member", "viewer"]);

    const members = region(bob, "Members");
    const carol = members.getByRole("combobox", { name: "Role of carol@example.com" });
    await carol.waitFor();
    expect(await carol.isDisabled()).toBe(true);
    expect(await carol.inputValue()).toBe("billing");
    expect(await members.getByRole("button", { name: "Remove carol@example.com" }).count()).toBe(0);
    // Nor may bob revoke the billing invitation alice made.
    const pending = region(bob, "Pending invitations");
    await pending.getByText("dan@example.com").waitFor();
    expect(await pending.getByRole("button", { name: "Revoke the invitation for dan@example.com" }).count()).toBe(0);
    expect(await axeViolations(bob)).toEqual([]);
    await bob.context().close();
  });
});

describe("the gallery", () => {
  test("shows the sample deployment's declared roles in RoleMatrix and a gate on a declared permission", async () => {
    const context = await browser.newContext({ viewport: { width: 1360, height: 900 } });
    const page = await context.newPage();
    await page.goto(new URL("gallery.html", consoleUrl).toString());
    const matrix = page.locator('[data-widget="RoleMatrix"]');
    await matrix.getByRole("columnheader", { name: "billing:manage" }).waitFor();
    expect(await matrix.locator("tbody th .orgs-badge").allTextContents()).toEqual(ALL_SIX);
    await page
      .locator('[data-widget="PermissionGate"]')
      .getByText(/Shown too for billing:manage/)
      .waitFor();
    await context.close();
  });
});
