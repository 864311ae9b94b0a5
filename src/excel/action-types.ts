import type { Rating } from "../domain/evaluation/rating";
import type { FollowUp } from "../domain/followup";
import type { WorkbookSummary } from "../domain/summary";
import type { ValidationReport } from "../domain/validation/finding";
import type { DiagnosticReport } from "./diagnostics";

export type { DiagnosticCheck, DiagnosticReport, DiagnosticStatus, RequirementSetSupport } from "./diagnostics";

/** The Seguimiento lists live in the domain, where they are computed. */
export type { FollowUp, NonconformityFollowUp, OperationFollowUp } from "../domain/followup";

/** The Resumen types live in the domain, where the summary is computed. */
export type { AllianceOnTime, ExpiringContract, WorkbookSummary } from "../domain/summary";

/** What an action that writes to the workbook changed, in Spanish lines for the pane. */
export interface ChangeResult {
  /** One line per change (from the Plan's notes); empty when the workbook was already up to date. */
  notes: string[];
  /** Cells left untouched because someone changed them since they were read. */
  conflicts: string[];
  /** Steps skipped because this Excel lacks an API. */
  skipped: string[];
  cellsWritten: number;
}

/** The non-conformity form's fields; dates as "AAAA-MM-DD" from the date inputs, empty when not given. */
export interface NonconformityFormInput {
  type: string;
  date: string;
  do: string;
  alliance: string;
  description: string;
  severity: string;
  correction: string;
  owner: string;
  dueDate: string;
}

export interface NonconformityResult extends ChangeResult {
  /** The Nº given to the new row, e.g. "NC-2026-007". */
  number: string;
}

/** DO and Aliado of the selected row of tblOperaciones. */
export interface SelectedOperation {
  do: string;
  alliance: string;
}

export interface RepairResult extends ChangeResult {
  /** Custom-function cells found showing #NAME? and re-entered. */
  repaired: number;
}

export interface EvaluationPreviewRow {
  alliance: string;
  operations: number;
  onTimePct: number | null;
  score: number | null;
  rating: Rating | null;
  decision: string | null;
}

export interface EvaluationPreview {
  year: number;
  sheet: string;
  /** Whether the sheet exists already (Generar refreshes it, keeping what the evaluator typed). */
  exists: boolean;
  /** The warning when the year has not ended (the evaluation is partial, up to today); null for a complete year. */
  partial: string | null;
  rows: EvaluationPreviewRow[];
}

export interface EvaluationGenerated extends ChangeResult {
  sheet: string;
}

export interface IndicatorsGenerated extends ChangeResult {
  sheet: string;
}

/**
 * Everything the task pane asks of Excel; the pane receives it as a prop so tests inject mocks. Actions that read the
 * workbook take an optional `onProgress`, called as their reads (and writes) advance over several syncs.
 */
export interface Actions {
  prepararCuadro(onProgress?: OnProgress): Promise<ChangeResult>;
  cargarDatosEjemplo(onProgress?: OnProgress): Promise<ChangeResult>;
  validar(onProgress?: OnProgress): Promise<ValidationReport>;
  seleccionarCelda(sheet: string, address: string): Promise<void>;
  registrarNoConformidad(input: NonconformityFormInput, onProgress?: OnProgress): Promise<NonconformityResult>;
  leerSeleccionDO(): Promise<SelectedOperation | null>;
  resumen(onProgress?: OnProgress): Promise<WorkbookSummary>;
  /** How many ADUANA cells in the add-in's tables show #NAME? (reads only; the pane checks on opening). */
  detectarFormulasRotas(): Promise<number>;
  repararFormulas(onProgress?: OnProgress): Promise<RepairResult>;
  vistaPreviaEvaluacion(year: number, onProgress?: OnProgress): Promise<EvaluationPreview>;
  generarEvaluacion(year: number, onProgress?: OnProgress): Promise<EvaluationGenerated>;
  /** Today's open DOs out of time and NCs that need action (reads only; the pane loads it on opening). */
  seguimiento(onProgress?: OnProgress): Promise<FollowUp>;
  /** Builds or refreshes `Indicadores AAAA` (figures, charts), keeping the comments typed in it, and shows it. */
  generarIndicadores(year: number, onProgress?: OnProgress): Promise<IndicatorsGenerated>;
  /** Exercises every Excel feature the add-in uses on a temporary sheet (removed again) and reports each one. */
  diagnostico(): Promise<DiagnosticReport>;
}

/** Which part of a long action a progress report describes. */
export type ProgressPhase = "leyendo" | "escribiendo" | "verificando";

/**
 * How far a long action has gone, for the pane's progress bar (src/excel/progress.ts words it): `done` of `total`,
 * 0 ≤ done ≤ total. The unit depends on the phase: "leyendo" counts rows read ("Leyendo filas 40.000 de 100.000…"),
 * "escribiendo" the bands of writes applyPlan syncs, "verificando" the rows re-read.
 */
export interface ProgressReport {
  phase: ProgressPhase;
  done: number;
  total: number;
}

/** The callback shape shared by the readers and the plan writer. */
export type OnProgress = (report: ProgressReport) => void;
