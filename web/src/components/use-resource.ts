import { useCallback, useEffect, useState } from 'react';
import { useSession } from '../access/session.js';

export interface Resource<T> {
  data: T | undefined;
  error: unknown;
  loading: boolean;
  reload(): void;
}

interface State<T> {
  /** The path `data` or `error` belongs to. */
  path: string | null;
  data?: T;
  error?: unknown;
  loading: boolean;
}

/**
 * GETs an API path (relative to /api/v1) and refetches when it changes; `null` fetches nothing.
 * With `keepPrevious` the last data stays while the next path loads, so a list being searched does
 * not flicker; otherwise another entity's data is never shown under a new address.
 */
export function useResource<T>(path: string | null, opts: { keepPrevious?: boolean } = {}): Resource<T> {
  const { api } = useSession();
  const [state, setState] = useState<State<T>>({ path, loading: path !== null });
  const [attempt, setAttempt] = useState(0);

  // biome-ignore lint/correctness/useExhaustiveDependencies: `attempt` forces a refetch
  useEffect(() => {
    if (path === null) return;
    const controller = new AbortController();
    setState((s) => ({ path: s.path, data: s.data, loading: true }));
    api.get<T>(path, controller.signal).then(
      (data) => setState({ path, data, loading: false }),
      (error: unknown) => {
        if (!controller.signal.aborted) setState({ path, error, loading: false });
      },
    );
    return () => controller.abort();
  }, [api, path, attempt]);

  const reload = useCallback(() => setAttempt((n) => n + 1), []);
  const current = state.path === path;
  return {
    data: current || opts.keepPrevious ? state.data : undefined,
    error: current ? state.error : undefined,
    loading: !current || state.loading,
    reload,
  };
}
