// Loading data for a widget: the request's state, cancelled when the widget goes away or
// its inputs change, and a way to load again after an error.
import { useCallback, useEffect, useMemo, useRef, useState } from "react";

export type ApiState<T> =
  | { status: "loading"; data?: undefined; error?: undefined; reload(): void }
  | { status: "ready"; data: T; error?: undefined; reload(): void }
  | { status: "error"; data?: undefined; error: unknown; reload(): void };

type Loaded<T> = { status: "loading" } | { status: "ready"; data: T } | { status: "error"; error: unknown };

/**
 * Loads `load` when `deps` change, showing loading meanwhile; when only `revision`
 * changes (the same data, changed elsewhere) the old answer stays up until the new one
 * arrives, so lists do not flicker.
 */
export function useApi<T>(
  load: ((signal: AbortSignal) => Promise<T>) | null,
  deps: readonly unknown[],
  revision = 0,
): ApiState<T> {
  const [state, setState] = useState<Loaded<T>>({ status: "loading" });
  const [attempt, setAttempt] = useState(0);
  const [loadedFor, setLoadedFor] = useState<readonly unknown[]>(deps);
  // Other inputs (another caller, another organization) must never show the old answer.
  // Setting state while rendering makes React render again at once, before anything shows.
  const sameInputs = deps.length === loadedFor.length && deps.every((dep, i) => Object.is(dep, loadedFor[i]));
  if (!sameInputs) {
    setLoadedFor(deps);
    setState({ status: "loading" });
  }
  useEffect(() => {
    if (!load) return;
    const controller = new AbortController();
    setState((previous) => (previous.status === "ready" ? previous : { status: "loading" }));
    load(controller.signal).then(
      (data) => controller.signal.aborted || setState({ status: "ready", data }),
      (error: unknown) => controller.signal.aborted || setState({ status: "error", error }),
    );
    return () => controller.abort();
    // The caller lists what `load` depends on, as with useEffect itself.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [...deps, revision, attempt]);
  const reload = useCallback(() => setAttempt((n) => n + 1), []);
  return useMemo(() => ({ ...state, reload }) as ApiState<T>, [state, reload]);
}

export interface Action<A extends unknown[], T> {
  run(...args: A): Promise<T | undefined>;
  pending: boolean;
  error: unknown;
  clearError(): void;
}

/** A change the user asked for: pending while it runs, its error kept for display. */
export function useAction<A extends unknown[], T>(act: (...args: A) => Promise<T>): Action<A, T> {
  const [pending, setPending] = useState(false);
  const [error, setError] = useState<unknown>(undefined);
  const run = useCallback(
    async (...args: A) => {
      setPending(true);
      setError(undefined);
      try {
        return await act(...args);
      } catch (failure) {
        setError(failure);
        return undefined;
      } finally {
        setPending(false);
      }
    },
    [act],
  );
  return { run, pending, error, clearError: useCallback(() => setError(undefined), []) };
}

/** One page of a list, as every list endpoint answers. */
export interface Page<T> {
  items: T[];
  nextCursor: string | null;
}

export type PagedState<T> = ApiState<T[]> & {
  /** Whether the server has more rows after those shown. */
  hasMore: boolean;
  loadMore(): void;
  loadingMore: boolean;
  /** Why the last "load more" failed, if it did. */
  moreError: unknown;
};

const MAX_PAGE = 1000;

/**
 * A list loaded a page at a time: the first page, then more on request with the cursor.
 * When `revision` changes, the list loads again from the start, as many rows as were
 * shown (up to the server's largest page), so rows loaded further down do not vanish.
 */
export function usePaged<T>(
  load: ((page: { limit: number; cursor?: string }, signal: AbortSignal) => Promise<Page<T>>) | null,
  deps: readonly unknown[],
  revision = 0,
  pageSize = 100,
): PagedState<T> {
  const shown = useRef(pageSize);
  // Another list (other inputs, not a reload of this one) starts from one page, not from
  // however many rows the previous list showed.
  const lastDeps = useRef(deps);
  if (deps.length !== lastDeps.current.length || deps.some((dep, i) => !Object.is(dep, lastDeps.current[i]))) {
    lastDeps.current = deps;
    shown.current = pageSize;
  }
  const first = useApi(
    load && ((signal) => load({ limit: Math.min(MAX_PAGE, Math.max(pageSize, shown.current)) }, signal)),
    [...deps, pageSize],
    revision,
  );
  // Pages after the first, kept only while the first page they follow is the one shown.
  const [more, setMore] = useState<{ after: Page<T>; items: T[]; nextCursor: string | null } | null>(null);
  const [loadingMore, setLoadingMore] = useState(false);
  const [moreError, setMoreError] = useState<unknown>(undefined);
  const extra = more !== null && first.data !== undefined && more.after === first.data ? more : null;
  const items = useMemo(
    () => (first.data === undefined ? undefined : extra ? [...first.data.items, ...extra.items] : first.data.items),
    [first.data, extra],
  );
  const nextCursor = extra ? extra.nextCursor : (first.data?.nextCursor ?? null);
  useEffect(() => {
    if (items) shown.current = items.length;
  }, [items]);
  // A page still on its way is abandoned when the first page it would follow is replaced
  // (another organization, a reload) or the widget goes away.
  const moreRequest = useRef<AbortController | null>(null);
  useEffect(() => () => moreRequest.current?.abort(), [first.data]);
  const loadMore = useCallback(async () => {
    if (!load || first.data === undefined || nextCursor === null || loadingMore) return;
    const after = first.data;
    const controller = new AbortController();
    moreRequest.current = controller;
    setLoadingMore(true);
    setMoreError(undefined);
    try {
      const page = await load({ limit: pageSize, cursor: nextCursor }, controller.signal);
      if (!controller.signal.aborted) {
        setMore({ after, items: [...(extra?.items ?? []), ...page.items], nextCursor: page.nextCursor });
      }
    } catch (failure) {
      if (!controller.signal.aborted) setMoreError(failure);
    } finally {
      setLoadingMore(false);
    }
  }, [load, first.data, nextCursor, loadingMore, pageSize, extra]);
  return useMemo(() => {
    const common = { hasMore: nextCursor !== null, loadMore: () => void loadMore(), loadingMore, moreError };
    if (first.status === "ready") return { ...common, status: "ready", data: items!, reload: first.reload };
    return { ...common, ...first } as PagedState<T>;
  }, [first, items, nextCursor, loadMore, loadingMore, moreError]);
}
