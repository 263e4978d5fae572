// Type test, run by `tsc --noEmit -p test/types`: the installed package's client is
// assignable to the product page's signatures, copied verbatim below, and its types say
// what the contract says. Each `@ts-expect-error` line must stay an error.
import {
  createClient,
  OrgsError,
  type ErrorCode,
  type OrgInvitation,
  type OrgInvitationCreated,
  type OrgJoinCode,
  type OrgJoinCodeCreated,
  type OrgMember,
  type OrgMembership,
  type OrgRole,
  type OrgRoleMatrix,
  type OrgRoleMatrixEntry,
  type OrgPermission,
  type Organization,
  type Me,
  type OrgApiToken,
  type AuditAction,
  type AuditActor,
  type AuditEvent,
  type AuditTarget,
  type ListAuditLogInput,
  orgPermissionValues,
  orgRoleValues,
} from "@orgs/client";

interface ProductPage {
  create: (input: { name: string; }) => Promise<{ organization: Organization; }>;
  get: (input: { organizationId: string; }) => Promise<{ organization: Organization; }>;
  list: () => Promise<{ organizations: OrgMembership[]; }>;
  update: (input: { organizationId: string; name: string; }) => Promise<{ ok: true; }>;
  roles: () => Promise<OrgRoleMatrix>;
  members: {
    list: (input: { organizationId: string; }) => Promise<{ members: OrgMember[]; }>;
    remove: (input: { organizationId: string; userId: string; }) => Promise<{ ok: true; }>;
    setRole: (input: { organizationId: string; userId: string; role: OrgRole; }) => Promise<{ ok: true; }>;
  };
  invitations: {
    create: (input: { organizationId: string; email: string; role?: OrgRole; }) => Promise<OrgInvitationCreated>;
    list: (input: { organizationId: string; }) => Promise<{ invitations: OrgInvitation[]; }>;
    revoke: (input: { organizationId: string; id: string; }) => Promise<{ ok: true; }>;
    accept: (input: { token: string; }) => Promise<{ organizationId: string; role: OrgRole; }>;
  };
  joinCodes: {
    create: (input: { organizationId: string; role?: OrgRole; maxUses?: number; }) => Promise<OrgJoinCodeCreated>;
    list: (input: { organizationId: string; }) => Promise<{ joinCodes: OrgJoinCode[]; }>;
    revoke: (input: { organizationId: string; id: string; }) => Promise<{ ok: true; }>;
    join: (input: { code: string; }) => Promise<{ organizationId: string; role: OrgRole; alreadyMember: boolean; }>;
  };
  tokens: {
    create: (input: { organizationId: string; name?: string; env?: "live" | "test"; }) => Promise<{ apiToken: { key: string; secret: string; lastFour: string; bearer: string; }; }>;
  };
}

const client = createClient({ baseUrl: "https://orgs.example.com", token: async () => "key:secret" });
export const matchesProductPage: ProductPage = client.organizations;

type Equal<A, B> = (<T>() => T extends A ? 1 : 2) extends <T>() => T extends B ? 1 : 2 ? true : false;
type Expect<T extends true> = T;

export type ContractShapes = [
  // The built-ins by name, and any role or permission a deployment declares.
  Expect<Equal<OrgRole, "owner" | "admin" | "member" | (string & {})>>,
  Expect<Equal<OrgPermission, "org:view" | "org:manage" | "members:view" | "members:manage" | (string & {})>>,
  Expect<Equal<keyof OrgRoleMatrixEntry, "role" | "permissions" | "rank" | "description">>,
  Expect<Equal<OrgRoleMatrixEntry["description"], string | null>>,
  Expect<Equal<(typeof orgRoleValues)[number], OrgRole>>,
  Expect<Equal<(typeof orgPermissionValues)[number], OrgPermission>>,
  Expect<
    Equal<
      ErrorCode,
      | "invalid_request"
      | "unauthenticated"
      | "forbidden"
      | "user_required"
      | "email_mismatch"
      | "not_found"
      | "invalid_invitation"
      | "invalid_join_code"
      | "method_not_allowed"
      | "last_owner"
      | "already_member"
      | "join_code_exhausted"
      | "payload_too_large"
      | "rate_limited"
      | "internal"
      | "unavailable"
    >
  >,
  Expect<Equal<keyof Organization, "id" | "name" | "createdAt" | "updatedAt">>,
  Expect<Equal<keyof OrgMembership, "organization" | "role">>,
  Expect<Equal<keyof OrgMember, "userId" | "email" | "role" | "joinedAt">>,
  Expect<
    Equal<keyof OrgInvitation, "id" | "organizationId" | "email" | "role" | "invitedBy" | "createdAt" | "expiresAt">
  >,
  Expect<Equal<keyof OrgJoinCode, "id" | "organizationId" | "role" | "maxUses" | "uses" | "createdBy" | "createdAt">>,
  Expect<Equal<OrgJoinCode["maxUses"], number | null>>,
  Expect<Equal<keyof OrgInvitationCreated, "invitation" | "token">>,
  Expect<Equal<keyof OrgJoinCodeCreated, "joinCode" | "code">>,
  Expect<Equal<keyof OrgApiToken, "key" | "name" | "env" | "lastFour" | "createdAt" | "createdBy" | "lastUsedAt">>,
  Expect<Equal<OrgApiToken["name" | "createdBy" | "lastUsedAt"], string | null>>,
  Expect<Equal<Me["kind"], "user" | "organization_token">>,
  Expect<Equal<Extract<Me, { kind: "user" }>["user"], { id: string; email: string }>>,
  Expect<Equal<keyof Extract<Me, { kind: "organization_token" }>, "kind" | "organizationId" | "key">>,
  Expect<Equal<Awaited<ReturnType<typeof client.organizations.tokens.list>>["apiTokens"], OrgApiToken[]>>,
  Expect<Equal<Awaited<ReturnType<typeof client.me>>, Me>>,
  Expect<
    Equal<
      AuditAction,
      | "organization.created"
      | "organization.updated"
      | "organization.deleted"
      | "organization.ownership_transferred"
      | "member.added"
      | "member.role_changed"
      | "member.removed"
      | "invitation.created"
      | "invitation.revoked"
      | "invitation.accepted"
      | "join_code.created"
      | "join_code.revoked"
      | "api_token.created"
      | "api_token.revoked"
    >
  >,
  Expect<
    Equal<
      keyof AuditEvent,
      | "id"
      | "organizationId"
      | "action"
      | "occurredAt"
      | "actor"
      | "target"
      | "data"
      | "requestId"
      | "ipAddress"
      | "userAgent"
    >
  >,
  Expect<Equal<AuditEvent["requestId" | "ipAddress" | "userAgent"], string | null>>,
  Expect<Equal<AuditActor["kind"], "user" | "organization_token" | "operator">>,
  Expect<Equal<Extract<AuditActor, { kind: "user" }>, { kind: "user"; id: string; email: string }>>,
  Expect<Equal<Extract<AuditActor, { kind: "organization_token" }>, { kind: "organization_token"; key: string }>>,
  Expect<Equal<AuditTarget["kind"], "organization" | "member" | "invitation" | "join_code" | "api_token">>,
  Expect<
    Equal<keyof ListAuditLogInput, "organizationId" | "limit" | "cursor" | "actions" | "actorId" | "since" | "until">
  >,
  Expect<Equal<Parameters<typeof client.organizations.auditLog.list>[0], ListAuditLogInput>>,
  Expect<Equal<Awaited<ReturnType<typeof client.organizations.auditLog.list>>["events"], AuditEvent[]>>,
];

export async function misuse(): Promise<void> {
  // A role the deployment declares is a role like the built-ins; the server refuses undeclared ones.
  await client.organizations.members.setRole({ organizationId: "o", userId: "u", role: "billing" });
  // @ts-expect-error: a role is a name, not a number
  await client.organizations.members.setRole({ organizationId: "o", userId: "u", role: 3 });
  const { roles } = await client.organizations.roles();
  for (const { role, rank, description, permissions } of roles) {
    const named: OrgRole = role;
    const held: OrgPermission[] = permissions;
    void [named, held, rank + 1, description?.length];
  }
  // @ts-expect-error: organizationId is required
  await client.organizations.get({});
  // @ts-expect-error: the server refuses unknown fields, so the types do too
  await client.organizations.create({ name: "Acme", plan: "pro" });
  // Each method's input is its endpoint's schema, not `any`: leaving out a required field fails.
  const o = { organizationId: "o" };
  // @ts-expect-error: name
  await client.organizations.create({});
  // @ts-expect-error: name
  await client.organizations.update(o);
  // @ts-expect-error: organizationId
  await client.organizations.members.list({});
  // @ts-expect-error: userId
  await client.organizations.members.remove(o);
  // @ts-expect-error: role
  await client.organizations.members.setRole({ ...o, userId: "u" });
  // @ts-expect-error: email
  await client.organizations.invitations.create(o);
  // @ts-expect-error: organizationId
  await client.organizations.invitations.list({});
  // @ts-expect-error: id
  await client.organizations.invitations.revoke(o);
  // @ts-expect-error: token
  await client.organizations.invitations.accept({});
  // @ts-expect-error: organizationId
  await client.organizations.joinCodes.create({ maxUses: 3 });
  // @ts-expect-error: organizationId
  await client.organizations.joinCodes.list({});
  // @ts-expect-error: id
  await client.organizations.joinCodes.revoke(o);
  // @ts-expect-error: code
  await client.organizations.joinCodes.join({});
  // @ts-expect-error: organizationId
  await client.organizations.tokens.create({ name: "ci" });
  // @ts-expect-error: limit is a number
  await client.organizations.list({ limit: "10" });
  // @ts-expect-error: organizationId
  await client.organizations.leave({});
  // @ts-expect-error: organizationId
  await client.organizations.delete({});
  // @ts-expect-error: userId
  await client.organizations.transferOwnership(o);
  // @ts-expect-error: organizationId
  await client.organizations.tokens.list({ limit: 10 });
  // @ts-expect-error: key
  await client.organizations.tokens.revoke(o);
  // @ts-expect-error: organizationId
  await client.organizations.auditLog.list({ limit: 10 });
  // @ts-expect-error: not an action of the audit log
  await client.organizations.auditLog.list({ ...o, actions: ["member.deleted"] });
  const { events } = await client.organizations.auditLog.list({ ...o, actions: ["member.role_changed"] });
  // The actor narrows on kind: a user has an email, a token a key, the operator neither.
  for (const { actor } of events) {
    if (actor.kind === "user") void actor.email;
    else if (actor.kind === "organization_token") void actor.key;
    // @ts-expect-error: the operator has no id
    else void actor.id;
  }
  // @ts-expect-error: me takes no input, only options
  await client.me({ organizationId: "o" });
  await client.me({ timeoutMs: 1_000 });
  const me = await client.me();
  // The union narrows on kind: a user has no key, a token no user.
  if (me.kind === "user") void me.user.email;
  else void me.key;

  // @ts-expect-error: env is live or test
  await client.organizations.tokens.create({ organizationId: "o", env: "staging" });

  // Optional settings take undefined too, for projects with exactOptionalPropertyTypes.
  const maybeBearer: string | undefined = undefined;
  createClient({ baseUrl: "/orgs", token: maybeBearer, timeoutMs: undefined, fetch: undefined });

  const controller = new AbortController();
  await client.organizations.roles({ signal: controller.signal, timeoutMs: 5_000 });
  await client.organizations.list(undefined, { signal: controller.signal });

  try {
    await client.organizations.members.remove({ organizationId: "o", userId: "u" });
  } catch (error) {
    if (error instanceof OrgsError) {
      const status: number = error.status;
      const code: ErrorCode = error.code;
      const retryAfter: number | undefined = error.retryAfter;
      void [status, code, retryAfter];
      // @ts-expect-error: not a contract code, so the comparison cannot be true
      if (error.code === "teapot") return;
    }
  }
}
