// Roles against permissions, as the server defines them: the built-ins and any the
// deployment declares, each role with its description when it has one.
import { orgPermissionValues, type OrgPermission, type OrgRoleMatrix } from "@orgs/client";
import { permissionsOf, useOrgs } from "../context.js";
import { ErrorNotice, Frame, Loading, RoleBadge, TableScroller, type WidgetProps } from "../ui.js";
import { widget } from "../widget.js";

export const RoleMatrix = widget("RoleMatrix", function RoleMatrix(props: WidgetProps) {
  const { roles } = useOrgs();
  const title = props.title ?? "Roles and permissions";
  const columns = roles.data ? permissionColumns(roles.data) : [];
  return (
    <Frame title={title} name="role-matrix" className={props.className}>
      {roles.status === "loading" && <Loading what="roles" />}
      {roles.status === "error" && <ErrorNotice error={roles.error} onRetry={roles.reload} />}
      {roles.status === "ready" && (
        <TableScroller label={title}>
          <table className="orgs-table orgs-matrix">
            <thead>
              <tr>
                <th scope="col">Role</th>
                {columns.map((permission) => (
                  <th scope="col" key={permission} className="orgs-mono">
                    <PermissionName permission={permission} />
                  </th>
                ))}
              </tr>
            </thead>
            <tbody>
              {roles.data.roles.map(({ role, description }) => (
                <tr key={role}>
                  <th scope="row">
                    <RoleBadge role={role} />
                    {/* The space keeps the role's name and its description apart when read out. */}
                    {description && (
                      <>
                        {" "}
                        <span className="orgs-role-description">{description}</span>
                      </>
                    )}
                  </th>
                  {columns.map((permission) => {
                    const held = permissionsOf(roles.data, role).includes(permission);
                    return (
                      <td key={permission} className={held ? "orgs-yes" : "orgs-no"}>
                        <span aria-hidden="true">{held ? "✓" : "–"}</span>
                        <span className="orgs-visually-hidden">{held ? "Yes" : "No"}</span>
                      </td>
                    );
                  })}
                </tr>
              ))}
            </tbody>
          </table>
        </TableScroller>
      )}
    </Frame>
  );
});

/**
 * Every permission some role holds: the built-ins in their usual order, then the
 * deployment's own in the order they first appear, so a declared role's permissions line
 * up after the familiar ones.
 */
function permissionColumns(matrix: OrgRoleMatrix): OrgPermission[] {
  const held = new Set(matrix.roles.flatMap((entry) => entry.permissions));
  return [
    ...orgPermissionValues.filter((p) => held.has(p)),
    ...[...held].filter((p) => !orgPermissionValues.includes(p)),
  ];
}

/** A narrow widget may break the name after its colon, never inside a word. */
function PermissionName({ permission }: { permission: OrgPermission }) {
  const colon = permission.indexOf(":");
  if (colon < 0) return <>{permission}</>;
  return (
    <>
      {permission.slice(0, colon + 1)}
      <wbr />
      {permission.slice(colon + 1)}
    </>
  );
}
