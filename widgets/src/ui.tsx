// The small parts every widget is built from: its frame, the loading, empty and error
// states, role pickers, the show-once secret box, and error messages for people.
import { OrgsError, orgRoleValues, type OrgRole } from "@orgs/client";
import {
  useCallback,
  useEffect,
  useId,
  useRef,
  useState,
  type InputHTMLAttributes,
  type ReactNode,
  type Ref,
  type RefObject,
} from "react";
import type { PagedState } from "./use-api.js";

export interface WidgetProps {
  /** Replaces the widget's heading. */
  title?: string;
  /** Sample data, no requests. */
  preview?: boolean;
  className?: string;
}

export function Frame(props: {
  title: string;
  className?: string | undefined;
  name: string;
  children: ReactNode;
  actions?: ReactNode;
}) {
  const headingId = useId();
  return (
    <section className={`orgs-widget orgs-${props.name} ${props.className ?? ""}`.trim()} aria-labelledby={headingId}>
      <header className="orgs-header">
        <h2 id={headingId} className="orgs-title">
          {props.title}
        </h2>
        {props.actions}
      </header>
      {props.children}
    </section>
  );
}

export function Loading({ what }: { what: string }) {
  return (
    <p className="orgs-state orgs-loading" role="status" aria-live="polite">
      <span className="orgs-spinner" aria-hidden="true" /> Loading {what}…
    </p>
  );
}

export function Empty({ children }: { children: ReactNode }) {
  return <p className="orgs-state orgs-empty">{children}</p>;
}

export function ErrorNotice({
  error,
  onRetry,
  explain,
}: {
  error: unknown;
  onRetry?: (() => void) | undefined;
  /** Says it better than `describeError` where the widget knows more; undefined falls back to it. */
  explain?: ((error: unknown) => string | undefined) | undefined;
}) {
  if (error === undefined) return null;
  return (
    <div className="orgs-error" role="alert" data-code={error instanceof OrgsError ? error.code : undefined}>
      <p>{explain?.(error) ?? describeError(error)}</p>
      {onRetry && (
        <button type="button" className="orgs-button orgs-secondary" onClick={onRetry}>
          Try again
        </button>
      )}
    </div>
  );
}

/** What went wrong, in words for the person using the widget. */
export function describeError(error: unknown): string {
  if (!(error instanceof OrgsError)) {
    if (error instanceof Error && error.name === "TimeoutError")
      return "The server took too long to answer. Try again.";
    return "The server could not be reached. Check your connection and try again.";
  }
  switch (error.code) {
    case "invalid_request":
      return error.message;
    case "unauthenticated":
      return "You are signed out or your token is no longer valid. Sign in again.";
    case "forbidden":
      return "Your role does not allow this. Ask an owner or an admin of the organization.";
    case "user_required":
      return "Only a person can do this, not an API token.";
    case "email_mismatch":
      return "This invitation was sent to a different email address. Sign in as the invited person to accept it.";
    case "not_found":
      return "It no longer exists, or you are not a member of this organization.";
    case "invalid_invitation":
      return "This invitation is no longer valid: it has expired, was revoked, or was already used.";
    case "invalid_join_code":
      return "That code is not valid. Check it for typos, or ask for a new one.";
    case "last_owner":
      return "An organization needs at least one owner. Make someone else an owner first.";
    case "already_member":
      return "That person is already a member of this organization.";
    case "join_code_exhausted":
      return "This code has been used as many times as it allows. Ask for a new one.";
    case "payload_too_large":
      return "That is too long.";
    case "rate_limited":
      return error.retryAfter === undefined
        ? "Too many failed attempts. Wait a while, then try again."
        : `Too many failed attempts. Try again in ${formatWait(error.retryAfter)}.`;
    case "unavailable":
      return "The service is busy or briefly unavailable. Try again in a moment.";
    default:
      return "Something went wrong on the server. Try again later.";
  }
}

function formatWait(seconds: number): string {
  if (seconds < 60) return `${seconds} second${seconds === 1 ? "" : "s"}`;
  const minutes = Math.ceil(seconds / 60);
  return `${minutes} minute${minutes === 1 ? "" : "s"}`;
}

/**
 * A role picker offering exactly `options`, the roles the caller may grant. A value outside
 * them is a role the caller may not take away either, so it is shown alone and disabled.
 */
export function RoleSelect(props: {
  label: string;
  value: OrgRole;
  onChange: (role: OrgRole) => void;
  options: readonly OrgRole[];
  disabled?: boolean;
  hideLabel?: boolean;
}) {
  const id = useId();
  const locked = !props.options.includes(props.value);
  return (
    <span className="orgs-field">
      <label htmlFor={id} className={props.hideLabel ? "orgs-visually-hidden" : undefined}>
        {props.label}
      </label>
      <select
        id={id}
        className="orgs-select"
        value={props.value}
        disabled={props.disabled || locked}
        onChange={(event) => props.onChange(event.target.value)}
      >
        {(locked ? [props.value] : props.options).map((role) => (
          <option key={role} value={role}>
            {role}
          </option>
        ))}
      </select>
    </span>
  );
}

export function RoleBadge({ role }: { role: OrgRole }) {
  // Declared roles share one look: their names are the operator's to choose, so no class
  // name is built from them; `data-role` lets an app style one of them by name.
  const look = orgRoleValues.includes(role) ? role : "custom";
  return (
    <span className={`orgs-badge orgs-role-${look}`} data-role={role}>
      {role}
    </span>
  );
}

/** A secret shown once: selectable text, a copy button, and what to do with it. */
export function SecretOnce(props: { label: string; value: string; warning: ReactNode; onDone: () => void }) {
  const [copied, setCopied] = useState<"no" | "yes" | "failed">("no");
  const id = useId();
  const copy = async () => {
    try {
      await navigator.clipboard.writeText(props.value);
      setCopied("yes");
    } catch {
      setCopied("failed");
    }
  };
  return (
    <div className="orgs-secret" role="group" aria-labelledby={id}>
      <p id={id} className="orgs-secret-label">
        {props.label}
      </p>
      <div className="orgs-secret-row">
        {/* Focus lands here when the secret appears, so it is read out and ready to copy. */}
        <input
          className="orgs-input orgs-mono"
          readOnly
          autoFocus
          value={props.value}
          aria-labelledby={id}
          aria-describedby={`${id}-warning`}
          onFocus={(e) => e.currentTarget.select()}
        />
        <button type="button" className="orgs-button" onClick={copy}>
          {copied === "yes" ? "Copied" : "Copy"}
        </button>
      </div>
      <p id={`${id}-warning`} className="orgs-hint">
        {copied === "failed" ? "Copying was not allowed here: select the text and copy it by hand." : props.warning}
      </p>
      <span className="orgs-visually-hidden" aria-live="polite">
        {copied === "yes" ? "Copied to the clipboard." : ""}
      </span>
      <button type="button" className="orgs-button orgs-secondary" onClick={props.onDone}>
        Done
      </button>
    </div>
  );
}

/** Whether `error` is the API's answer with this code. */
export function hasCode(error: unknown, code: string): boolean {
  return error instanceof OrgsError && error.code === code;
}

/**
 * Gives the focus back to an element that is about to appear again (the button a confirm
 * step replaced): once React has committed it. A timer set beside the state change
 * cannot promise that, and sometimes fired before the element was there.
 */
export function useFocusWhenShown(): (target: RefObject<HTMLElement | null>) => void {
  const pending = useRef<RefObject<HTMLElement | null> | null>(null);
  const [, rendered] = useState(0);
  useEffect(() => {
    const element = pending.current?.current;
    if (element) {
      pending.current = null;
      element.focus();
    }
  });
  return useCallback((target) => {
    pending.current = target;
    rendered((n) => n + 1);
  }, []);
}

/** A button that asks again before it acts: Cancel, or Confirm, which is focused first. */
export function ConfirmStep(props: {
  label: string;
  confirm: string;
  busy: boolean;
  onConfirm: () => void;
  onCancel: () => void;
  children?: ReactNode;
}) {
  return (
    <div className="orgs-confirm" role="group" aria-label={props.label}>
      {props.children}
      <span className="orgs-row">
        <button
          type="button"
          className="orgs-button orgs-danger-solid"
          autoFocus
          aria-disabled={props.busy}
          onClick={() => props.busy || props.onConfirm()}
        >
          {props.confirm}
        </button>
        <button type="button" className="orgs-button orgs-secondary" onClick={props.onCancel}>
          Cancel
        </button>
      </span>
    </div>
  );
}

/** "Load more" under a list loaded a page at a time (`usePaged`); nothing on its last page. */
export function LoadMore(props: {
  what: string;
  list: Pick<PagedState<unknown>, "hasMore" | "loadingMore" | "moreError" | "loadMore">;
}) {
  const { hasMore, loadingMore, moreError, loadMore } = props.list;
  if (!hasMore) return null;
  return (
    <div className="orgs-load-more">
      <ErrorNotice error={moreError} />
      <button
        type="button"
        className="orgs-button orgs-secondary"
        aria-disabled={loadingMore}
        onClick={() => loadingMore || loadMore()}
      >
        {loadingMore ? `Loading more ${props.what}…` : `Load more ${props.what}`}
      </button>
    </div>
  );
}

export function formatDate(iso: string): string {
  return new Date(iso).toLocaleDateString(undefined, { year: "numeric", month: "short", day: "numeric" });
}

/** A date with its time of day, in the reader's locale and time zone. */
export function formatDateTime(iso: string): string {
  return new Date(iso).toLocaleString(undefined, {
    year: "numeric",
    month: "short",
    day: "numeric",
    hour: "2-digit",
    minute: "2-digit",
  });
}

/** A table that scrolls sideways when its widget is narrow; focusable so keyboards can scroll it. */
export function TableScroller({
  label,
  children,
  ref,
}: {
  label: string;
  children: ReactNode;
  ref?: Ref<HTMLDivElement>;
}) {
  return (
    <div className="orgs-table-wrap" role="group" aria-label={label} tabIndex={0} ref={ref}>
      {children}
    </div>
  );
}

/** A live region that stays mounted, so what appears in it is announced. */
export function Announce({ children, className }: { children?: ReactNode; className?: string }) {
  return (
    <div role="status" className={className}>
      {children}
    </div>
  );
}

type InputProps = Omit<InputHTMLAttributes<HTMLInputElement>, "value" | "onChange" | "id" | "children">;

/** A labelled text field; `error` marks it invalid and is read out with it, as is `hint`. */
export function TextField(
  props: InputProps & {
    label: string;
    value: string;
    onChange: (value: string) => void;
    error?: string | null;
    hint?: ReactNode;
  },
) {
  const { label, value, onChange, error, hint, className, ...input } = props;
  const id = useId();
  const hintId = useId();
  const errorId = useId();
  const describedBy = [hint ? hintId : null, error ? errorId : null].filter(Boolean).join(" ");
  return (
    <div className="orgs-field">
      <label htmlFor={id}>{label}</label>
      <input
        {...input}
        id={id}
        className={`orgs-input ${className ?? ""}`.trim()}
        value={value}
        aria-invalid={error ? true : undefined}
        aria-describedby={describedBy || undefined}
        onChange={(event) => onChange(event.target.value)}
      />
      {hint && (
        <p id={hintId} className="orgs-hint">
          {hint}
        </p>
      )}
      {error && (
        <p id={errorId} className="orgs-field-error" role="alert">
          {error}
        </p>
      )}
    </div>
  );
}
