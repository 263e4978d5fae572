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

export function transport(options: ClientOptions): Send {
  const base = options.baseUrl.replace(/\/+$/, "");
  return async (path, body, perRequest) => {
    const fetchImpl = options.fetch ?? globalThis.fetch;
    const timeoutMs = perRequest?.timeoutMs ?? options.timeoutMs ?? DEFAULT_TIMEOUT_MS;
    const cancel = linkedController(perRequest?.signal, timeoutMs, path);
    try {
      const headers: Record<string, string> = { "content-type": "application/json", accept: "application/json" };
      const token = typeof options.token === "function" ? await options.token() : options.token;
      if (token) headers.authorization = `Bearer ${token}`;
      cancel.signal.throwIfAborted();
      const response = await fetchImpl(base + path, {
        method: "POST",
        headers,
        body: JSON.stringify(body ?? {}),
        signal: cancel.signal,
      });
      const text = await response.text();
      if (!response.ok) throw errorFromResponse(response.status, response.headers, text);
      return parseSuccess(response.status, text);
    } catch (error) {
      // fetch reports every abort as a bare AbortError; the caller learns which it was.
      if (cancel.signal.aborted && !(error instanceof OrgsError)) throw cancel.signal.reason;
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
    throw new OrgsError({ status, code: "internal", message: `The server answered ${status} with a body that is not JSON.` });
  }
}

/** Aborts on the caller's signal or at the deadline, whichever comes first. */
function linkedController(signal: AbortSignal | undefined, timeoutMs: number, path: string) {
  const controller = new AbortController();
  const follow = () => controller.abort(signal?.reason);
  if (signal?.aborted) follow();
  else signal?.addEventListener("abort", follow, { once: true });
  const timer =
    timeoutMs > 0
      ? setTimeout(
          () => controller.abort(new DOMException(`No answer from ${path} within ${timeoutMs} ms.`, "TimeoutError")),
          timeoutMs,
        )
      : undefined;
  return {
    signal: controller.signal,
    dispose() {
      clearTimeout(timer);
      signal?.removeEventListener("abort", follow);
    },
  };
}
