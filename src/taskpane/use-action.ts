import { useCallback, useEffect, useRef, useState } from "react";

/** Work shorter than this shows no spinner: a flash of progress is noise. */
export const PROGRESS_DELAY_MS = 500;

export interface ActionState<T> {
  running: boolean;
  /** True once a running action has taken longer than PROGRESS_DELAY_MS. */
  slow: boolean;
  result: T | null;
  error: string | null;
}

/** Runs one pane action at a time, keeping its result, its Spanish error and whether to show progress. */
export function useAction<T>() {
  const [state, setState] = useState<ActionState<T>>({ running: false, slow: false, result: null, error: null });
  const timer = useRef<ReturnType<typeof setTimeout> | null>(null);
  const mounted = useRef(true);
  useEffect(
    () => () => {
      mounted.current = false;
      if (timer.current) clearTimeout(timer.current);
    },
    [],
  );

  const run = useCallback(async (work: () => Promise<T>): Promise<T | null> => {
    setState((s) => ({ ...s, running: true, slow: false, error: null }));
    timer.current = setTimeout(() => mounted.current && setState((s) => ({ ...s, slow: s.running })), PROGRESS_DELAY_MS);
    try {
      const result = await work();
      if (mounted.current) setState({ running: false, slow: false, result, error: null });
      return result;
    } catch (error) {
      const message = error instanceof Error ? error.message : String(error);
      if (mounted.current) setState((s) => ({ ...s, running: false, slow: false, error: message }));
      return null;
    } finally {
      if (timer.current) clearTimeout(timer.current);
    }
  }, []);

  const reset = useCallback(() => setState({ running: false, slow: false, result: null, error: null }), []);
  return { ...state, run, reset };
}
