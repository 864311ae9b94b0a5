import { ExcelMessages } from "./messages";
import type { OnProgress, ProgressPhase, ProgressReport } from "./action-types";
import type { ReadProgress } from "./read-snapshot";

/** 40000 → "40.000", as Colombia groups thousands. */
function thousands(n: number): string {
  return String(Math.round(n)).replace(/\B(?=(\d{3})+(?!\d))/g, ".");
}

/** The words before "X de Y…", by phase and its unit (see ProgressReport). */
const WHAT: Record<ProgressPhase, string> = {
  leyendo: ExcelMessages.progressReading,
  escribiendo: ExcelMessages.progressWriting,
  verificando: ExcelMessages.progressVerifying,
};

/** "Leyendo filas 40.000 de 100.000…": what the pane's progress bar says and screen readers announce. */
export function progressMessage(report: ProgressReport): string {
  return ExcelMessages.progress(WHAT[report.phase], thousands(report.done), thousands(report.total));
}

/** readSnapshot's progress as the shared report of the "leyendo" phase; undefined when nobody listens. */
export function readProgressTo(onProgress: OnProgress | undefined): ((progress: ReadProgress) => void) | undefined {
  return onProgress && ((p) => onProgress({ phase: "leyendo", done: p.rowsRead, total: p.totalRows }));
}
