// The built-in roles and permissions at run time. The spec no longer lists them (a
// deployment may declare more), so they are written here for code that used the generated
// lists before.
import type { OrgPermission, OrgRole } from "./types.js";

/**
 * The three built-in roles, highest rank first. Only the built-ins: the roles a deployment
 * actually has, declared ones included, are what `organizations.roles()` answers.
 */
export const orgRoleValues: readonly OrgRole[] = ["owner", "admin", "member"];

/**
 * The four built-in permissions. Only the built-ins: `organizations.roles()` answers every
 * permission the deployment's roles carry.
 */
export const orgPermissionValues: readonly OrgPermission[] = [
  "org:view",
  "org:manage",
  "members:view",
  "members:manage",
];
