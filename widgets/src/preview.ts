// The API in memory, seeded with sample data: what widgets show in preview mode. It makes
// no request at all, and changes (a rename, an invitation) last as long as the page, each
// also written to the preview's audit log.
import {
  OrgsError,
  type Me,
  type OrganizationsApi,
  type OrgApiToken,
  type OrgInvitation,
  type OrgJoinCode,
  type OrgMember,
  type OrgMembership,
  type OrgRole,
  type OrgRoleMatrix,
  type OrgsApi,
} from "@orgs/client";
import { previewAuditLog, target } from "./preview-audit.js";

const DAY = 86_400_000;
const at = (daysAgo: number) => new Date(Date.UTC(2026, 10, 29, 9, 30) - daysAgo * DAY).toISOString();

/**
 * The sample deployment's roles: the built-ins and three its operator declared, so that the
 * role matrix and the role pickers show both. The owner holds every permission. The
 * component tests take it as the server's answer for a deployment declaring these roles.
 */
export const SAMPLE_ROLE_MATRIX: OrgRoleMatrix = {
  roles: [
    {
      role: "owner",
      rank: 300,
      permissions: ["org:view", "org:manage", "members:view", "members:manage", "billing:manage"],
      description: null,
    },
    {
      role: "manager",
      rank: 250,
      permissions: ["members:manage", "billing:manage"],
      description: "Manages members and billing",
    },
    { role: "admin", rank: 200, permissions: ["org:view", "members:view", "members:manage"], description: null },
    {
      role: "billing",
      rank: 150,
      permissions: ["org:view", "billing:manage"],
      description: "Sees the organization and manages its billing",
    },
    { role: "member", rank: 100, permissions: ["org:view", "members:view"], description: null },
    { role: "viewer", rank: 50, permissions: ["org:view"], description: "Sees the organization, nothing more" },
  ],
};

/** The sample caller: Ada, owner of Acme, admin of Globex, member of Initech. */
const ME: Extract<Me, { kind: "user" }> = { kind: "user", user: { id: "usr_ada", email: "ada@acme.test" } };

/** The organizations half of the preview client. */
export function createPreviewApi(): OrganizationsApi {
  return createPreviewClient().organizations;
}

/** The whole client in memory: `me` is the sample caller, and the organizations are hers. */
export function createPreviewClient(): OrgsApi {
  let sequence = 100;
  const id = (prefix: string) => `${prefix}_preview_${++sequence}`;
  const audit = previewAuditLog({ kind: "user", ...ME.user }, at);
  const me = { userId: ME.user.id, email: ME.user.email };
  const memberships: OrgMembership[] = [
    { organization: { id: "org_acme", name: "Acme", createdAt: at(120), updatedAt: at(3) }, role: "owner" },
    { organization: { id: "org_globex", name: "Globex", createdAt: at(40), updatedAt: at(40) }, role: "admin" },
    { organization: { id: "org_initech", name: "Initech", createdAt: at(9), updatedAt: at(9) }, role: "member" },
  ];
  const members = new Map<string, OrgMember[]>([
    [
      "org_acme",
      [
        { userId: "usr_ada", email: "ada@acme.test", role: "owner", joinedAt: at(120) },
        { userId: "usr_grace", email: "grace@acme.test", role: "admin", joinedAt: at(60) },
        { userId: "usr_linus", email: "linus@acme.test", role: "member", joinedAt: at(12) },
        { userId: "usr_katherine", email: "katherine@acme.test", role: "billing", joinedAt: at(8) },
      ],
    ],
  ]);
  const invitations: OrgInvitation[] = [
    invitation("inv_1", "org_acme", "margaret@acme.test", "member", 2),
    invitation("inv_2", "org_acme", "barbara@acme.test", "admin", 1),
  ];
  const joinCodes: OrgJoinCode[] = [
    {
      id: "jc_1",
      organizationId: "org_acme",
      role: "member",
      maxUses: 25,
      uses: 7,
      createdBy: "usr_ada",
      createdAt: at(5),
    },
    {
      id: "jc_2",
      organizationId: "org_acme",
      role: "member",
      maxUses: null,
      uses: 41,
      createdBy: null,
      createdAt: at(30),
    },
  ];
  const apiTokens: (OrgApiToken & { organizationId: string })[] = [
    token("orgs_live_preview3", "Deploys", "live", "7c1e", 2, at(0)),
    token("orgs_test_preview2", "CI", "test", "a04b", 20, at(1)),
    token("orgs_live_preview1", null, "live", "e9d2", 64, null),
  ];
  const find = (organizationId: string) => {
    const membership = memberships.find((m) => m.organization.id === organizationId);
    if (!membership) throw new OrgsError({ status: 404, code: "not_found", message: "No such organization." });
    return membership;
  };
  const membersOf = (organizationId: string) => {
    find(organizationId);
    if (!members.has(organizationId)) {
      const { role } = find(organizationId);
      const ada = { userId: "usr_ada", email: "ada@acme.test", role, joinedAt: at(40) };
      const hedy = { userId: "usr_hedy", email: "hedy@globex.test", role: "owner" as OrgRole, joinedAt: at(40) };
      members.set(organizationId, role === "owner" ? [ada] : [hedy, ada]);
    }
    return members.get(organizationId)!;
  };
  const owning = (organizationId: string) => {
    const membership = find(organizationId);
    if (membership.role !== "owner") throw forbidden();
    return membership;
  };
  const managing = (organizationId: string) => {
    owning(organizationId);
    return apiTokens.filter((t) => t.organizationId === organizationId);
  };
  // As setRole and a transfer change a role: logged with the role it was.
  const changeRole = (organizationId: string, member: OrgMember, role: OrgRole) => {
    const { userId, email } = member;
    audit.record(organizationId, "member.role_changed", target("member", userId), {
      userId,
      email,
      oldRole: member.role,
      newRole: role,
    });
    member.role = role;
  };
  const managingMembers = (organizationId: string) => {
    if (find(organizationId).role === "member") throw forbidden();
  };
  const forget = (organizationId: string) => {
    memberships.splice(
      memberships.findIndex((m) => m.organization.id === organizationId),
      1,
    );
    members.delete(organizationId);
  };
  const page = { nextCursor: null };
  const ok = { ok: true as const };
  const settle = <T>(value: T): Promise<T> =>
    new Promise((resolve) => setTimeout(() => resolve(structuredClone(value)), 0));
  const attempt = <T>(work: () => T): Promise<T> => {
    try {
      return settle(work());
    } catch (error) {
      return Promise.reject(error);
    }
  };

  const organizations: OrganizationsApi = {
    create: ({ name }) =>
      attempt(() => {
        const organization = {
          id: id("org"),
          name: name.trim(),
          createdAt: new Date().toISOString(),
          updatedAt: new Date().toISOString(),
        };
        memberships.push({ organization, role: "owner" });
        const created = target("organization", organization.id);
        audit.record(organization.id, "organization.created", created, { name: organization.name });
        audit.record(organization.id, "member.added", target("member", me.userId), {
          ...me,
          role: "owner",
          via: "created",
        });
        return { organization };
      }),
    get: ({ organizationId }) => attempt(() => ({ organization: find(organizationId).organization })),
    list: () => attempt(() => ({ organizations: memberships, ...page })),
    leave: ({ organizationId }) =>
      attempt(() => {
        find(organizationId);
        const list = membersOf(organizationId);
        const owners = list.filter((m) => m.role === "owner");
        if (owners.length === 1 && owners[0]!.userId === ME.user.id) throw lastOwner();
        const { role } = find(organizationId);
        audit.record(organizationId, "member.removed", target("member", me.userId), { ...me, role, via: "left" });
        forget(organizationId);
        return ok;
      }),
    delete: ({ organizationId }) =>
      attempt(() => {
        const { organization } = owning(organizationId);
        audit.record(organizationId, "organization.deleted", target("organization", organizationId), {
          name: organization.name,
        });
        forget(organizationId);
        for (const list of [invitations, joinCodes, apiTokens]) {
          for (let i = list.length - 1; i >= 0; i--) if (list[i]!.organizationId === organizationId) list.splice(i, 1);
        }
        return ok;
      }),
    transferOwnership: ({ organizationId, userId }) =>
      attempt(() => {
        // As the server does: the body is judged before the organization is looked up.
        if (userId === ME.user.id)
          throw new OrgsError({ status: 400, code: "invalid_request", message: "userId: that is you." });
        const membership = owning(organizationId);
        const list = membersOf(organizationId);
        const member = list.find((m) => m.userId === userId);
        if (!member) throw new OrgsError({ status: 404, code: "not_found", message: "No such member." });
        audit.record(organizationId, "organization.ownership_transferred", target("organization", organizationId), {
          fromUserId: me.userId,
          toUserId: userId,
        });
        if (member.role !== "owner") changeRole(organizationId, member, "owner");
        const self = list.find((m) => m.userId === ME.user.id)!;
        changeRole(organizationId, self, "admin");
        membership.role = "admin";
        return ok;
      }),
    update: ({ organizationId, name }) =>
      attempt(() => {
        const { organization } = find(organizationId);
        audit.record(organizationId, "organization.updated", target("organization", organizationId), {
          oldName: organization.name,
          newName: name.trim(),
        });
        organization.name = name.trim();
        organization.updatedAt = new Date().toISOString();
        return ok;
      }),
    roles: () => settle(SAMPLE_ROLE_MATRIX),
    members: {
      list: ({ organizationId, limit, cursor }) =>
        attempt(() => {
          const { items, nextCursor } = pageOf(membersOf(organizationId), limit, cursor);
          return { members: items, nextCursor };
        }),
      remove: ({ organizationId, userId }) =>
        attempt(() => {
          const list = membersOf(organizationId);
          const owners = list.filter((m) => m.role === "owner");
          if (owners.length === 1 && owners[0]!.userId === userId) throw lastOwner();
          const removed = list.find((m) => m.userId === userId);
          if (removed) {
            const { email, role } = removed;
            audit.record(organizationId, "member.removed", target("member", userId), {
              userId,
              email,
              role,
              via: "removed",
            });
          }
          members.set(
            organizationId,
            list.filter((m) => m.userId !== userId),
          );
          return ok;
        }),
      setRole: ({ organizationId, userId, role }) =>
        attempt(() => {
          const list = membersOf(organizationId);
          const member = list.find((m) => m.userId === userId);
          if (!member) throw new OrgsError({ status: 404, code: "not_found", message: "No such member." });
          if (member.role === "owner" && role !== "owner" && list.filter((m) => m.role === "owner").length === 1)
            throw lastOwner();
          // The same role again changes nothing, so logs nothing, as on the server.
          if (member.role !== role) changeRole(organizationId, member, role);
          return ok;
        }),
    },
    invitations: {
      create: ({ organizationId, email, role }) =>
        attempt(() => {
          const created = invitation(id("inv"), organizationId, email.trim().toLowerCase(), role ?? "member", 0);
          invitations.push(created);
          audit.record(organizationId, "invitation.created", target("invitation", created.id), {
            email: created.email,
            role: created.role,
            expiresAt: created.expiresAt,
          });
          return { invitation: created, token: "preview-invitation-token-not-usable" };
        }),
      list: ({ organizationId }) =>
        attempt(() => ({ invitations: invitations.filter((i) => i.organizationId === organizationId), ...page })),
      revoke: ({ organizationId, id: invitationId }) =>
        attempt(() => {
          const revoked = invitations.find((i) => i.id === invitationId);
          if (revoked) {
            const { email, role } = revoked;
            audit.record(organizationId, "invitation.revoked", target("invitation", invitationId), {
              email,
              role,
              reason: "revoked",
            });
          }
          removeById(invitations, invitationId);
          return ok;
        }),
      accept: () => attempt(() => ({ organizationId: "org_acme", role: "member" as OrgRole })),
    },
    joinCodes: {
      create: ({ organizationId, role, maxUses }) =>
        attempt(() => {
          const joinCode = {
            id: id("jc"),
            organizationId,
            role: role ?? "member",
            maxUses: maxUses ?? null,
            uses: 0,
            createdBy: "usr_ada",
            createdAt: new Date().toISOString(),
          };
          joinCodes.push(joinCode);
          audit.record(organizationId, "join_code.created", target("join_code", joinCode.id), {
            role: joinCode.role,
            maxUses: joinCode.maxUses,
          });
          return { joinCode, code: "PREV-IEW0-NOTA-CODE" };
        }),
      list: ({ organizationId }) =>
        attempt(() => ({ joinCodes: joinCodes.filter((c) => c.organizationId === organizationId), ...page })),
      revoke: ({ organizationId, id: joinCodeId }) =>
        attempt(() => {
          const revoked = joinCodes.find((c) => c.id === joinCodeId);
          if (revoked) {
            const { role, maxUses, uses } = revoked;
            audit.record(organizationId, "join_code.revoked", target("join_code", joinCodeId), { role, maxUses, uses });
          }
          removeById(joinCodes, joinCodeId);
          return ok;
        }),
      join: () => attempt(() => ({ organizationId: "org_acme", role: "member" as OrgRole, alreadyMember: true })),
    },
    tokens: {
      create: ({ organizationId, name, env }) =>
        attempt(() => {
          owning(organizationId);
          const key = id(`orgs_${env ?? "live"}`);
          apiTokens.unshift(token(key, name ?? null, env ?? "live", "9f3a", 0, null, organizationId));
          audit.record(organizationId, "api_token.created", target("api_token", key), {
            name: name ?? null,
            env: env ?? "live",
          });
          return {
            apiToken: {
              key,
              secret: "not-a-real-secret-9f3a",
              lastFour: "9f3a",
              bearer: `${key}:not-a-real-secret-9f3a`,
            },
          };
        }),
      list: ({ organizationId, limit, cursor }) =>
        attempt(() => {
          // Always a page, as on the server.
          const { items, nextCursor } = pageOf(managing(organizationId), limit ?? 100, cursor);
          return { apiTokens: items.map(withoutOrganization), nextCursor };
        }),
      revoke: ({ organizationId, key }) =>
        attempt(() => {
          const index = apiTokens.findIndex((t) => t.key === key && t.organizationId === organizationId);
          managing(organizationId);
          if (index < 0) throw new OrgsError({ status: 404, code: "not_found", message: "No such token." });
          const { name, env } = apiTokens.splice(index, 1)[0]!;
          audit.record(organizationId, "api_token.revoked", target("api_token", key), { name, env });
          return ok;
        }),
    },
    auditLog: {
      list: ({ organizationId, limit, cursor, ...filters }) =>
        attempt(() => {
          managingMembers(organizationId);
          // Always a page, as on the server.
          const { items, nextCursor } = pageOf(audit.select({ organizationId, ...filters }), limit ?? 100, cursor);
          return { events: items, nextCursor };
        }),
    },
  };
  return { me: () => settle(ME), organizations };
}

function invitation(id: string, organizationId: string, email: string, role: OrgRole, daysAgo: number): OrgInvitation {
  return { id, organizationId, email, role, invitedBy: "usr_ada", createdAt: at(daysAgo), expiresAt: at(daysAgo - 7) };
}

function token(
  key: string,
  name: string | null,
  env: "live" | "test",
  lastFour: string,
  daysAgo: number,
  lastUsedAt: string | null,
  organizationId = "org_acme",
): OrgApiToken & { organizationId: string } {
  return { key, name, env, lastFour, createdAt: at(daysAgo), createdBy: "usr_ada", lastUsedAt, organizationId };
}

function withoutOrganization(token: OrgApiToken & { organizationId: string }): OrgApiToken {
  const { key, name, env, lastFour, createdAt, createdBy, lastUsedAt } = token;
  return { key, name, env, lastFour, createdAt, createdBy, lastUsedAt };
}

/** A page as the server makes one: everything when neither `limit` nor `cursor` is given. */
function pageOf<T>(
  items: T[],
  limit?: number | null,
  cursor?: string | null,
): { items: T[]; nextCursor: string | null } {
  if ((limit ?? null) === null && (cursor ?? null) === null) return { items, nextCursor: null };
  const start = cursor ? Number(cursor) : 0;
  const end = start + (limit ?? 100);
  return { items: items.slice(start, end), nextCursor: end < items.length ? String(end) : null };
}

function forbidden() {
  return new OrgsError({ status: 403, code: "forbidden", message: "Your role does not allow this." });
}

function lastOwner() {
  return new OrgsError({
    status: 409,
    code: "last_owner",
    message: "The organization would be left without an owner.",
  });
}

function removeById(list: { id: string }[], id: string) {
  const index = list.findIndex((item) => item.id === id);
  if (index >= 0) list.splice(index, 1);
}
