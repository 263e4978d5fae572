// The product page's type names, each an alias of a schema in the generated spec types, so
// they change only when the spec does; only the role and permission names are written
// here, since the spec types them as any string a deployment may declare.
import type { components, paths } from "./generated/openapi.js";

type Schemas = components["schemas"];

export type Organization = Schemas["Organization"];
/**
 * A role: one of the three built-ins, or one the deployment declares in its config, which
 * `organizations.roles()` lists with the rest. The built-ins are spelled out so editors
 * offer them; `string & {}` takes any other name without the union collapsing to `string`.
 */
export type OrgRole = "owner" | "admin" | "member" | (string & {});
/** A permission, `resource:action`: one of the four built-ins, or one a declared role carries. */
export type OrgPermission = "org:view" | "org:manage" | "members:view" | "members:manage" | (string & {});
export type OrgMembership = Schemas["OrgMembership"];
export type OrgMember = Schemas["OrgMember"];
export type OrgInvitation = Schemas["OrgInvitation"];
export type OrgInvitationCreated = Schemas["OrgInvitationCreated"];
export type OrgJoinCode = Schemas["OrgJoinCode"];
export type OrgJoinCodeCreated = Schemas["OrgJoinCodeCreated"];
export type OrgRoleMatrix = Schemas["OrgRoleMatrix"];
export type OrgRoleMatrixEntry = Schemas["OrgRoleMatrixEntry"];
export type ApiToken = Schemas["ApiToken"];
export type TokenEnv = Schemas["TokenEnv"];
/** An organization token as its owners see it in `tokens.list`: never the secret. */
export type OrgApiToken = Schemas["OrgApiToken"];
/** Who the credential speaks for: `{kind: "user", user}` or `{kind: "organization_token", organizationId, key}`. */
export type Me = Schemas["Me"];
export type MeUser = Schemas["MeUser"];
/** One entry of an organization's audit log: who changed what, when, and through which request. */
export type AuditEvent = Schemas["AuditEvent"];
export type AuditAction = Schemas["AuditAction"];
/** Who made a change: `{kind: "user", id, email}`, `{kind: "organization_token", key}` or `{kind: "operator"}`. */
export type AuditActor = Schemas["AuditActor"];
/** What a change is about; a member is named by its user id, an API token by its key. */
export type AuditTarget = Schemas["AuditTarget"];
export type AuditTargetKind = Schemas["AuditTargetKind"];
/** What `auditLog.list` takes: the organization, a page, and filters that combine with AND. */
export type ListAuditLogInput = Schemas["ListAuditLogRequest"];
/** Every code the API answers with; branch on these, not on messages. */
export type ErrorCode = Schemas["ErrorCode"];

/** The API's paths; every one is a POST. */
export type ApiPath = keyof paths;

type Operation<P extends ApiPath> = paths[P]["post"];

/** The JSON body a path takes. */
export type RequestBody<P extends ApiPath> = NonNullable<Operation<P>["requestBody"]>["content"]["application/json"];

/** The JSON body a path answers with when it succeeds. */
export type ResponseBody<P extends ApiPath> = Operation<P>["responses"][200]["content"]["application/json"];
