import { useCallback, useEffect, useRef, useState } from "react";
import type { OnProgress, ProgressReport } from "../excel/action-types";

/** Work shorter than this shows no spinner: a flash of progress is noise. */
export const PROGRESS_DELAY_MS = 500;

const IDLE = { running: false, slow: false, result: null, error: null, progress: null } as const;

export interface ActionState<T> {
  running: boolean;
  /** True once a running action has taken longer than PROGRESS_DELAY_MS. */
  slow: boolean;
  result: T | null;
  error: string | null;
  /** The latest progress the running action reported (reads and writes over several syncs); null when none. */
  progress: ProgressReport | null;
}

/**
 * Runs one pane action at a time, keeping its result, its Spanish error, whether to show progress and the latest
 * progress report, which `work` receives a callback for.
 */
export function useAction<T>() {
  const [state, setState] = useState<ActionState<T>>(IDLE);
  const timer = useRef<ReturnType<typeof setTimeout> | null>(null);
  const mounted = useRef(true);
  useEffect(
    () => () => {
      mounted.current = false;
      if (timer.current) clearTimeout(timer.current);
    },
    [],
  );

  const run = useCallback(async (work: (onProgress: OnProgress) => Promise<T>): Promise<T | null> => {
    setState((s) => ({ ...s, running: true, slow: false, error: null, progress: null }));
    const onProgress: OnProgress = (report) => {
      if (mounted.current) setState((s) => (s.running ? { ...s, progress: report } : s));
    };
    timer.current = setTimeout(() => mounted.current && setState((s) => ({ ...s, slow: s.running })), PROGRESS_DELAY_MS);
    try {
      const result = await work(onProgress);
      if (mounted.current) setState({ running: false, slow: false, result, error: null, progress: null });
      return result;
    } catch (error) {
      const message = error instanceof Error ? error.message : String(error);
      if (mounted.current) setState((s) => ({ ...s, running: false, slow: false, error: message, progress: null }));
      return null;
    } finally {
      if (timer.current) clearTimeout(timer.current);
    }
  }, []);

  const reset = useCallback(() => setState(IDLE), []);
  return { ...state, run, reset };
}
