// The package's public surface.
export { createClient, OrgsClient, type Method, type OrganizationsApi, type OrgsApi } from "./client.js";
export { OrgsError } from "./errors.js";
export type { ClientOptions, RateLimitStanding, RequestOptions, TokenSource } from "./transport.js";
export type * from "./types.js";
export { auditActionValues, errorCodeValues, tokenEnvValues } from "./generated/openapi.js";
export { orgPermissionValues, orgRoleValues } from "./roles.js";
export type { components, paths } from "./generated/openapi.js";
