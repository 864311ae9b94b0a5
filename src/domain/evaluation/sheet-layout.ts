import { EvaluationMessages } from "./messages";
/** Layout of the generated `Evaluación AAAA` sheet (SPEC §1.5, §3). Columns are found by header on regeneration. */

export const evaluationSheetName = (year: number): string => `Evaluación ${year}`;
export const evaluationTableName = (year: number): string => `tblEvaluacion${year}`;
export const RECORD_NAME = "Evaluación de desempeño de socios comerciales";
/** The sheet's title; `partial` (see partialLabel) is appended while the year has not ended. */
export const evaluationTitle = (year: number, partial: string | null = null): string =>
  partial === null ? `${RECORD_NAME} — ${year}` : `${RECORD_NAME} — ${year} ${partial}`;

/** Whether `text` is a title the add-in wrote for `year` (complete or partial), so a refresh may rewrite it. */
export function isGeneratedTitle(text: unknown, year: number): boolean {
  if (typeof text !== "string") return false;
  const base = evaluationTitle(year);
  return text === base || (text.startsWith(base) && /^ \(parcial, al [^)]*\)$/.test(text.slice(base.length)));
}

/**
 * measured: refreshed from the workbook on every generation; input: typed by the evaluator, never written
 * after creation; formula: live formulas, rewritten only when they differ; history: the previous year's
 * result, copied from `Evaluación AAAA-1` and refreshed like the measured columns.
 */
export type EvaluationColumnRole = "key" | "measured" | "input" | "formula" | "history";

export type EvaluationColumnKey =
  | "alliance"
  | "cities"
  | "status"
  | "operations"
  | "measured"
  | "onTime"
  | "onTimePct"
  | "avgServiceDays"
  | "nonconformities"
  | "ncPer100"
  | "complaints"
  | "closedEffectivePct"
  | "c1"
  | "c2"
  | "c3"
  | "c4"
  | "c5"
  | "excluding"
  | "score"
  | "rating"
  | "decision"
  | "previousScore"
  | "previousRating"
  | "change"
  | "notes"
  | "improvementPlan";

export interface EvaluationColumn {
  key: EvaluationColumnKey;
  header: string;
  kind: EvaluationColumnRole;
  width: number;
  numberFormat?: string;
}

/**
 * Widths keep every column on one landscape page when printed (fit to width) while no header word is broken:
 * headers wrap, so a column is as wide as its longest word or its figures.
 */
export const EVALUATION_COLUMNS: readonly EvaluationColumn[] = [
  { key: "alliance", header: "Aliado", kind: "key", width: 24 },
  { key: "cities", header: "Ciudades", kind: "measured", width: 16 },
  { key: "status", header: "Estado en Alianzas", kind: "measured", width: 12 },
  { key: "operations", header: "DOs atendidos", kind: "measured", width: 10, numberFormat: "0" },
  { key: "measured", header: "DOs medidos", kind: "measured", width: 9, numberFormat: "0" },
  { key: "onTime", header: "DOs a tiempo", kind: "measured", width: 9, numberFormat: "0" },
  { key: "onTimePct", header: "% cumplimiento ANS", kind: "measured", width: 13, numberFormat: "0.0%" },
  { key: "avgServiceDays", header: "Tiempo promedio (días hábiles)", kind: "measured", width: 10, numberFormat: "0.0" },
  { key: "nonconformities", header: "NC atribuibles", kind: "measured", width: 11, numberFormat: "0" },
  { key: "ncPer100", header: "NC por cada 100 DO", kind: "measured", width: 9, numberFormat: "0.00" },
  { key: "complaints", header: "Reclamos y quejas", kind: "measured", width: 10, numberFormat: "0" },
  { key: "closedEffectivePct", header: "% NC cerradas eficaces", kind: "measured", width: 10, numberFormat: "0.0%" },
  { key: "c1", header: "C1 Oportunidad (ANS)", kind: "measured", width: 12, numberFormat: "0" },
  { key: "c2", header: "C2 Calidad", kind: "measured", width: 9, numberFormat: "0" },
  { key: "c3", header: "C3 Gestión de NC", kind: "measured", width: 9, numberFormat: "0" },
  { key: "c4", header: "C4 Comunicación y trazabilidad", kind: "input", width: 13, numberFormat: "0" },
  { key: "c5", header: "C5 Cumplimiento legal y seguridad", kind: "input", width: 13, numberFormat: "0" },
  { key: "excluding", header: "Criterio excluyente", kind: "input", width: 11 },
  { key: "score", header: "Puntaje", kind: "formula", width: 9, numberFormat: "0.00" },
  { key: "rating", header: "Calificación", kind: "formula", width: 13 },
  { key: "decision", header: "Decisión", kind: "formula", width: 30 },
  { key: "previousScore", header: "Puntaje año anterior", kind: "history", width: 9, numberFormat: "0.00" },
  { key: "previousRating", header: "Calificación año anterior", kind: "history", width: 13 },
  { key: "change", header: "Variación", kind: "formula", width: 10 },
  { key: "notes", header: "Observaciones", kind: "input", width: 24 },
  { key: "improvementPlan", header: "Plan de mejora", kind: "input", width: 24 },
];

/** The previous year's columns, present only when `Evaluación AAAA-1` existed when the sheet was created. */
export const HISTORY_KEYS: readonly EvaluationColumnKey[] = ["previousScore", "previousRating", "change"];

/** The columns of a new sheet: the history columns only when there is a previous evaluation. */
export function evaluationColumns(withHistory: boolean): readonly EvaluationColumn[] {
  return withHistory ? EVALUATION_COLUMNS : EVALUATION_COLUMNS.filter((c) => !HISTORY_KEYS.includes(c.key));
}

/** Columns whose text is long (names, decisions, what the evaluator writes): wrapped, never cut. */
export const WRAPPED_KEYS: readonly EvaluationColumnKey[] = ["alliance", "cities", "status", "decision", "notes", "improvementPlan"];

export const columnByKey = (key: EvaluationColumnKey): EvaluationColumn => {
  const column = EVALUATION_COLUMNS.find((c) => c.key === key);
  if (!column) throw new Error(EvaluationMessages.unknownColumn(key));
  return column;
};

/** Rows of a new sheet (0-based): title block above the table, header row, then one row per alliance. */
export const TITLE_ROW = 0;
export const SUBTITLE_ROW = 1;
export const GENERATED_ROW = 2;
export const UPDATED_ROW = 3;
export const INSTRUCTIONS_ROW = 4;
export const HEADER_ROW = 6;

export const GENERATED_LABEL = "Generada el";
export const UPDATED_LABEL = "Cifras actualizadas el";
export const INSTRUCTIONS =
  "Ingrese C4 y C5 (1 a 5) y Criterio excluyente (Sí/No): Puntaje, Calificación y Decisión se recalculan solos. " +
  "Pesos y bandas: hoja Parámetros.";

/** Status of a row whose alliance is no longer in tblAlianzas: the row and what was typed in it are kept. */
export const RETIRED_STATUS = "Retirada de tblAlianzas";

/** Blank rows between the table's last row and the signature block. */
export const SIGNATURE_GAP = 2;
export const EVALUATED_BY = "Evaluado por";
export const APPROVED_BY = "Aprobado por — Gerente General";
/** Labels of the signature block, one per row from its first row ("" = a blank row); names are typed to their right. */
export const SIGNATURE_ROWS = [EVALUATED_BY, "Nombre", "Firma", "Fecha", "", APPROVED_BY, "Nombre", "Firma", "Fecha"] as const;
/** Every label a signature line may have (earlier sheets had "Evaluado por", "Aprobado por…" and "Fecha" alone). */
export const SIGNATURE_LABELS = [EVALUATED_BY, APPROVED_BY, "Nombre", "Firma", "Fecha"] as const;
/** Columns right of the label that carry the line to write or sign on. */
export const SIGNATURE_LINE_COLUMNS = 3;
/** Height of a "Firma" row, in points: room for a handwritten signature. */
export const SIGNATURE_ROW_HEIGHT = 30;
