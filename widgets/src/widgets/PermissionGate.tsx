// Renders its children only when the caller holds a permission in the active organization.
import type { OrgPermission } from "@orgs/client";
import type { ReactNode } from "react";
import { usePermission } from "../context.js";
import { widget } from "../widget.js";

export interface PermissionGateProps {
  permission: OrgPermission;
  children?: ReactNode;
  /** Shown instead when the permission is missing (default nothing). */
  fallback?: ReactNode;
  /** Shown while the caller's role is still loading (default nothing). */
  loading?: ReactNode;
  preview?: boolean;
}

export const PermissionGate = widget("PermissionGate", function PermissionGate(props: PermissionGateProps) {
  const held = usePermission(props.permission);
  if (held === undefined) return <>{props.loading ?? null}</>;
  return <>{held ? props.children : (props.fallback ?? null)}</>;
});
