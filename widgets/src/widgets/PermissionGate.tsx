// Renders its children only when the caller holds a permission in the active organization.
import type { OrgPermission } from "@orgs/client";
import type { ReactNode } from "react";
import { usePermissionState } from "../context.js";
import { widget } from "../widget.js";

export interface PermissionGateProps {
  /**
   * A built-in permission or one the deployment's declared roles carry ("billing:manage"),
   * checked against the server's role matrix, in which the owner holds every permission.
   */
  permission: OrgPermission;
  children?: ReactNode;
  /** Shown instead when the permission is missing (default nothing). */
  fallback?: ReactNode;
  /** Shown while the caller's role is still loading (default nothing). */
  loading?: ReactNode;
  /** Shown when the caller's role cannot be loaded (default the fallback). */
  error?: ReactNode;
  preview?: boolean;
}

export const PermissionGate = widget("PermissionGate", function PermissionGate(props: PermissionGateProps) {
  const state = usePermissionState(props.permission);
  if (state === "loading") return <>{props.loading ?? null}</>;
  if (state === "error") return <>{props.error ?? props.fallback ?? null}</>;
  return <>{state === "held" ? props.children : (props.fallback ?? null)}</>;
});
