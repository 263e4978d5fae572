// One POST with a JSON body: credentials, timeout and cancellation, and the answer turned
// into either the typed body or an OrgsError.
import { errorFromResponse, OrgsError } from "./errors.js";
import type { ApiPath, RequestBody, ResponseBody } from "./types.js";

/** A bearer (`<key>:<secret>` or a JWT), or a function asked before every request. */
export type TokenSource = string | (() => string | undefined | Promise<string | undefined>);

export interface ClientOptions {
  /**
   * Where the API is served: `https://orgs.example.com`, or a path such as `/orgs` for
   * same-origin use in a browser. Request paths (`/v1/...`) are appended to it.
   */
  baseUrl: string;
  /** Sent as `Authorization: Bearer ...`. A function suits tokens that expire. */
  token?: TokenSource | undefined;
  /** Replaces the global `fetch`, for tests, retries or instrumentation. */
  fetch?: typeof globalThis.fetch | undefined;
  /** Milliseconds a request may take before it fails with a `TimeoutError`; 0 waits forever. Default 30000. */
  timeoutMs?: number | undefined;
  /**
   * Called with the credential's quota after every answer that states it (servers with
   * `ORGS_REQUEST_RATE_LIMIT` set), errors included, so a caller can slow down before
   * it is refused with `429` (whose `OrgsError.retryAfter` says how long to wait).
   */
  onRateLimit?: ((standing: RateLimitStanding) => void) | undefined;
}

/** The `RateLimit-*` headers of one answer. */
export interface RateLimitStanding {
  /** Requests the credential may make at once (its burst: twice its rate a second). */
  limit: number;
  /** Requests left in its burst. */
  remaining: number;
  /** Seconds until the burst is whole again. */
  resetSeconds: number;
}

/** The answer's quota headers, or `undefined` when it states none. */
export function rateLimitStanding(headers: Headers): RateLimitStanding | undefined {
  const [limit, remaining, resetSeconds] = ["ratelimit-limit", "ratelimit-remaining", "ratelimit-reset"].map((name) =>
    Number.parseInt(headers.get(name) ?? "", 10),
  );
  if (![limit, remaining, resetSeconds].every(Number.isFinite)) {
    return undefined;
  }
  return { limit: limit!, remaining: remaining!, resetSeconds: resetSeconds! };
}

export interface RequestOptions {
  /** Aborting it rejects the call with the signal's reason. */
  signal?: AbortSignal | undefined;
  /** Overrides the client's `timeoutMs` for this call. */
  timeoutMs?: number | undefined;
}

export type Send = <P extends ApiPath>(
  path: P,
  body: RequestBody<P> | undefined,
  options: RequestOptions | undefined,
) => Promise<ResponseBody<P>>;

const DEFAULT_TIMEOUT_MS = 30_000;
// setTimeout overflows above this and fires at once.
const LONGEST_TIMER_MS = 2_147_483_647;

export function transport(options: ClientOptions): Send {
  const base = options.baseUrl.replace(/\/+$/, "");
  return async (path, body, perRequest) => {
    const fetchImpl = options.fetch ?? globalThis.fetch;
    const timeoutMs = perRequest?.timeoutMs ?? options.timeoutMs ?? DEFAULT_TIMEOUT_MS;
    const cancel = cancellation(perRequest?.signal, timeoutMs, path);
    try {
      cancel.throwIfCancelled();
      // Every await is raced against cancellation, so neither a token function nor an
      // injected fetch that ignores its signal can outlive the timeout or the caller's abort.
      const token = await cancel.race(
        Promise.resolve().then(() => (typeof options.token === "function" ? options.token() : options.token)),
      );
      const headers: Record<string, string> = { "content-type": "application/json", accept: "application/json" };
      if (token) headers.authorization = `Bearer ${token}`;
      const response = await cancel.race(
        fetchImpl(base + path, { method: "POST", headers, body: JSON.stringify(body ?? {}), signal: cancel.signal }),
      );
      const standing = options.onRateLimit && rateLimitStanding(response.headers);
      if (standing) options.onRateLimit?.(standing);
      const text = await cancel.race(response.text());
      if (!response.ok) throw errorFromResponse(response.status, response.headers, text);
      return parseSuccess(response.status, text);
    } catch (error) {
      // fetch reports every abort as a bare AbortError; the caller learns which it was.
      if (!(error instanceof OrgsError)) cancel.throwIfCancelled();
      throw error;
    } finally {
      cancel.dispose();
    }
  };
}

function parseSuccess<T>(status: number, text: string): T {
  try {
    return JSON.parse(text) as T;
  } catch {
    throw new OrgsError({
      status,
      code: "internal",
      message: `The server answered ${status} with a body that is not JSON.`,
    });
  }
}

/**
 * The caller's signal and the deadline as one. The reason is kept here as well as on the
 * signal because older browsers drop `abort(reason)`'s argument.
 */
function cancellation(signal: AbortSignal | undefined, timeoutMs: number, path: string) {
  const controller = new AbortController();
  let reason: unknown;
  const abort = (why: unknown) => {
    if (reason !== undefined) return;
    reason = why;
    controller.abort(why);
  };
  const follow = () => abort(signal?.reason ?? namedError("The request was aborted.", "AbortError"));
  if (signal?.aborted) follow();
  else signal?.addEventListener("abort", follow, { once: true });
  const timer =
    Number.isFinite(timeoutMs) && timeoutMs > 0
      ? setTimeout(
          () => abort(namedError(`No answer from ${path} within ${timeoutMs} ms.`, "TimeoutError")),
          Math.min(timeoutMs, LONGEST_TIMER_MS),
        )
      : undefined;
  return {
    signal: controller.signal,
    throwIfCancelled() {
      if (reason !== undefined) throw reason;
    },
    race<T>(work: Promise<T>): Promise<T> {
      return new Promise<T>((resolve, reject) => {
        if (reason !== undefined) return reject(reason);
        const stop = () => reject(reason);
        controller.signal.addEventListener("abort", stop, { once: true });
        work.then(
          (value) => {
            controller.signal.removeEventListener("abort", stop);
            resolve(value);
          },
          (error: unknown) => {
            controller.signal.removeEventListener("abort", stop);
            reject(error);
          },
        );
      });
    },
    dispose() {
      clearTimeout(timer);
      signal?.removeEventListener("abort", follow);
    },
  };
}

/** A DOMException where the runtime has one (as fetch would throw), else an Error named alike. */
function namedError(message: string, name: "AbortError" | "TimeoutError"): Error {
  try {
    return new DOMException(message, name);
  } catch {
    return Object.assign(new Error(message), { name });
  }
}
