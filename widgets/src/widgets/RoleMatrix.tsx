// Roles against permissions, as the server defines them.
import { orgPermissionValues } from "@orgs/client";
import { permissionsOf, useOrgs } from "../context.js";
import { ErrorNotice, Frame, Loading, RoleBadge, TableScroller, type WidgetProps } from "../ui.js";
import { widget } from "../widget.js";

export const RoleMatrix = widget("RoleMatrix", function RoleMatrix(props: WidgetProps) {
  const { roles } = useOrgs();
  const title = props.title ?? "Roles and permissions";
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
                {orgPermissionValues.map((permission) => (
                  <th scope="col" key={permission} className="orgs-mono">
                    {/* A narrow widget may break the name after its colon, never inside a word. */}
                    {permission.split(":")[0]}:
                    <wbr />
                    {permission.split(":")[1]}
                  </th>
                ))}
              </tr>
            </thead>
            <tbody>
              {roles.data.roles.map(({ role }) => (
                <tr key={role}>
                  <th scope="row">
                    <RoleBadge role={role} />
                  </th>
                  {orgPermissionValues.map((permission) => {
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
