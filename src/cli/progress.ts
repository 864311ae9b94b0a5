import { CliMessages } from "./messages";

/**
 * What a long command says while it works, on an interactive stderr only: one line rewritten in place
 * ("Leyendo… 40.000 de 100.000 filas"), throttled, and erased at the end so the result stands alone.
 * Piped output and --json get nothing extra.
 */
export interface Progress {
  /** A phase without counts: "Leyendo…", "Validando…", "Escribiendo…". */
  phase(label: string): void;
  /** Rows done in the current phase; matches a streaming reader's (rowsRead, totalRows) callback. */
  rows(done: number, total: number): void;
  /** Erases the line; safe to call more than once and when nothing was shown. */
  clear(): void;
}

export interface ProgressOptions {
  write: (text: string) => void;
  /** Whether stderr is a terminal (process.stderr.isTTY); injectable so tests need no terminal. */
  isTTY: boolean;
  json: boolean;
  /** Milliseconds; injectable for tests. */
  now?: () => number;
  /** Least time between two count updates. */
  intervalMs?: number;
}

export const SILENT_PROGRESS: Progress = { phase: () => undefined, rows: () => undefined, clear: () => undefined };

// Built on first use: loading the es-CO locale data costs more than the rest of the CLI's start-up, and only an
// interactive terminal ever shows a count.
let count: Intl.NumberFormat | undefined;

/** Thousands with a dot, as a Colombian reader writes them (100.000). */
export function formatCount(n: number): string {
  count ??= new Intl.NumberFormat("es-CO", { useGrouping: true });
  return count.format(Math.round(n)).replace(/[\s\u00a0\u202f,]/g, ".");
}

export function createProgress(options: ProgressOptions): Progress {
  if (!options.isTTY || options.json) return SILENT_PROGRESS;
  const now = options.now ?? ((): number => Date.now());
  const interval = options.intervalMs ?? 200;
  let label = "";
  let shown = 0;
  let lastUpdate = Number.NEGATIVE_INFINITY;
  const show = (text: string): void => {
    // \r back to the start, the text, then spaces over what a longer previous line left.
    options.write(`\r${text}${" ".repeat(Math.max(0, shown - text.length))}`);
    shown = text.length;
  };
  return {
    phase(next) {
      label = next;
      lastUpdate = now();
      show(label);
    },
    rows(done, total) {
      const t = now();
      if (done < total && t - lastUpdate < interval) return;
      lastUpdate = t;
      show(CliMessages.progressRows(label, formatCount(done), formatCount(total)));
    },
    clear() {
      if (shown === 0) return;
      options.write(`\r${" ".repeat(shown)}\r`);
      shown = 0;
    },
  };
}
