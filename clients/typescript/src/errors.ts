// The one error class the client throws for an answer that is not a success.
import { errorCodeValues } from "./generated/openapi.js";
import type { ErrorCode } from "./types.js";

const KNOWN_CODES: ReadonlySet<string> = new Set(errorCodeValues);

/**
 * An error answer from the orgs API. Branch on `code`, which is one of the contract's
 * codes; `message` is one sentence for people and may change between releases.
 */
export class OrgsError extends Error {
  override readonly name = "OrgsError";
  /** The HTTP status, e.g. 409. */
  readonly status: number;
  readonly code: ErrorCode;
  /** Seconds to wait before trying again, from `Retry-After` (sent with `429 rate_limited`). */
  readonly retryAfter: number | undefined;

  constructor(init: { status: number; code: ErrorCode; message: string; retryAfter?: number | undefined }) {
    super(init.message);
    this.status = init.status;
    this.code = init.code;
    this.retryAfter = init.retryAfter;
  }
}

/**
 * The error for a failed answer. A body that is not the API's envelope (a proxy's HTML
 * page, say) or names a code this client does not know (a newer server) still yields a
 * contract code, the one its status stands for, so `code` never lies about its type.
 */
export function errorFromResponse(status: number, headers: Headers, body: string): OrgsError {
  const retryAfter = parseRetryAfter(headers.get("retry-after"));
  const envelope = parseEnvelope(body);
  if (envelope && KNOWN_CODES.has(envelope.code)) {
    return new OrgsError({ status, code: envelope.code as ErrorCode, message: envelope.message, retryAfter });
  }
  const message = envelope?.message ?? `The server answered ${status} without an orgs error body.`;
  return new OrgsError({ status, code: codeForStatus(status), message, retryAfter });
}

function parseEnvelope(body: string): { code: string; message: string } | undefined {
  try {
    const error: unknown = (JSON.parse(body) as { error?: unknown })?.error;
    if (typeof error === "object" && error !== null) {
      const { code, message } = error as Record<string, unknown>;
      if (typeof code === "string" && typeof message === "string") return { code, message };
    }
  } catch {
    // Not JSON: the caller falls back to the status.
  }
  return undefined;
}

function codeForStatus(status: number): ErrorCode {
  switch (status) {
    case 400:
      return "invalid_request";
    case 401:
      return "unauthenticated";
    case 403:
      return "forbidden";
    case 404:
      return "not_found";
    case 405:
      return "method_not_allowed";
    case 413:
      return "payload_too_large";
    case 429:
      return "rate_limited";
    case 502:
    case 503:
    case 504:
      return "unavailable";
    default:
      return "internal";
  }
}

/** `Retry-After` is either whole seconds or an HTTP date; both become seconds from now. */
export function parseRetryAfter(header: string | null): number | undefined {
  if (header === null || header.trim() === "") return undefined;
  const seconds = Number(header);
  if (Number.isFinite(seconds) && seconds >= 0) return Math.ceil(seconds);
  const at = Date.parse(header);
  if (Number.isNaN(at)) return undefined;
  return Math.max(0, Math.ceil((at - Date.now()) / 1000));
}
