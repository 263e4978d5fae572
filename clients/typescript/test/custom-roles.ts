// A deployment that declares roles of its own, for the tests that start a server with them:
// one between member and admin with a permission no built-in carries, one below member, and
// one above admin that manages members without seeing the organization.
export const CUSTOM_ROLES_CONFIG = `
[[roles]]
role = "billing"
rank = 150
permissions = ["org:view", "billing:manage"]
description = "Sees the organization and manages its billing"

[[roles]]
role = "viewer"
rank = 50
permissions = ["org:view"]
description = "Sees the organization, nothing more"

[[roles]]
role = "manager"
rank = 250
permissions = ["members:manage", "billing:manage"]
description = "Manages members and billing"
`;

/** What `organizations.roles()` answers for it, as `[role, rank, description]`: highest rank first. */
export const CUSTOM_ROLES_ORDER = [
  ["owner", 300, null],
  ["manager", 250, "Manages members and billing"],
  ["admin", 200, null],
  ["billing", 150, "Sees the organization and manages its billing"],
  ["member", 100, null],
  ["viewer", 50, "Sees the organization, nothing more"],
] as const;
