// Loading data for a widget: the request's state, cancelled when the widget goes away or
// its inputs change, and a way to load again after an error.
import { useCallback, useEffect, useMemo, useState } from "react";

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
