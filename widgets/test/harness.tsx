// Renders widgets against a scripted API: each path answers as the test says (or never,
// to hold a widget in its loading state), through the real client, and every request is
// recorded. axe checks what rendered.
import { render, type RenderResult } from "@testing-library/react";
import axe from "axe-core";
import type { ReactNode } from "react";
import { expect } from "vitest";
import { OrgsProvider } from "../src/index.js";
import { SAMPLE_ROLE_MATRIX } from "../src/preview.js";

type Answer = { status?: number; body: unknown; headers?: Record<string, string> } | "hang";
type Route = (body: Record<string, unknown>) => Answer;
export type Routes = Record<string, Route | Answer>;

export interface Scripted {
  requests: { path: string; body: Record<string, unknown> }[];
  fetch: typeof fetch;
}

export function scriptedFetch(routes: Routes): Scripted {
  const requests: Scripted["requests"] = [];
  const fetchImpl: typeof fetch = async (url, init) => {
    // `/v1/organizations/members/list` is `/members/list`; `/v1/me` is `/me`.
    const path = String(url).replace(/^.*\/v1(\/organizations)?(?=\/)/, "");
    const body = JSON.parse(String(init?.body ?? "{}")) as Record<string, unknown>;
    requests.push({ path, body });
    const route = routes[path];
    if (route === undefined) throw new Error(`unexpected request to ${path}`);
    const answer = typeof route === "function" ? route(body) : route;
    if (answer === "hang") return new Promise<Response>(() => {});
    return Response.json(answer.body, { status: answer.status ?? 200, headers: answer.headers ?? {} });
  };
  return { requests, fetch: fetchImpl };
}

export const error = (status: number, code: string, message = "From the server.") => ({
  status,
  body: { error: { code, message } },
});

export const ACME = {
  id: "org_1",
  name: "Acme",
  createdAt: "2026-11-01T10:00:00.000Z",
  updatedAt: "2026-11-02T10:00:00.000Z",
};

/** The server's matrix with no roles declared: the built-ins. */
export const ROLE_MATRIX = {
  roles: [
    {
      role: "owner",
      rank: 300,
      permissions: ["org:view", "org:manage", "members:view", "members:manage"],
      description: null,
    },
    { role: "admin", rank: 200, permissions: ["org:view", "members:view", "members:manage"], description: null },
    { role: "member", rank: 100, permissions: ["org:view", "members:view"], description: null },
  ],
};

/**
 * The server's matrix for a deployment declaring billing (150: org:view, billing:manage),
 * viewer (50: org:view) and manager (250: members:manage, billing:manage): the preview's.
 */
export const CUSTOM_ROLE_MATRIX = SAMPLE_ROLE_MATRIX;

/** A pending invitation to Acme, sent by u1. */
export const invitation = (id: string, email: string, role: string) => ({
  id,
  organizationId: ACME.id,
  email,
  role,
  invitedBy: "u1",
  createdAt: "2026-11-20T10:00:00.000Z",
  expiresAt: "2026-11-27T10:00:00.000Z",
});

/** The caller, as `me` answers: the user u1, ada@acme.test. */
export const ME = { kind: "user", user: { id: "u1", email: "ada@acme.test" } };

/** The caller (u1) is in Acme with `role`; the role matrix is the server's (by default, the built-ins). */
export function baseRoutes(role = "owner", matrix: { roles: unknown[] } = ROLE_MATRIX): Routes {
  return {
    "/list": { body: { organizations: [{ organization: ACME, role }], nextCursor: null } },
    "/roles": { body: matrix },
    "/me": { body: ME },
  };
}

export function renderWith(ui: ReactNode, routes: Routes): RenderResult & Scripted {
  const scripted = scriptedFetch(routes);
  const result = render(
    <OrgsProvider basePath="/orgs" token="key:secret" fetch={scripted.fetch}>
      {ui}
    </OrgsProvider>,
  );
  return { ...result, ...scripted };
}

/** Fails on any axe violation. Contrast needs real layout, so the browser tests check it. */
export async function expectAccessible(container: Element) {
  const results = await axe.run(container, {
    rules: { "color-contrast": { enabled: false }, region: { enabled: false } },
  });
  const violations = results.violations.map((v) => `${v.id}: ${v.nodes.map((n) => n.html).join(" | ")}`);
  expect(violations).toEqual([]);
}
