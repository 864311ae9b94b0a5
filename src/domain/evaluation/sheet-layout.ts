/** Layout of the generated `Evaluación AAAA` sheet (SPEC §1.5, §3). Columns are found by header on regeneration. */

export const evaluationSheetName = (year: number): string => `Evaluación ${year}`;
export const evaluationTableName = (year: number): string => `tblEvaluacion${year}`;
export const evaluationTitle = (year: number): string =>
  `Evaluación de desempeño de socios comerciales — ${year}`;

/**
 * measured: refreshed from the workbook on every generation; input: typed by the evaluator, never written
 * after creation; formula: live formulas, rewritten only when they differ.
 */
export type ColumnKind = "key" | "measured" | "input" | "formula";

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
  | "notes"
  | "improvementPlan";

export interface EvaluationColumn {
  key: EvaluationColumnKey;
  header: string;
  kind: ColumnKind;
  width: number;
  numberFormat?: string;
}

export const EVALUATION_COLUMNS: readonly EvaluationColumn[] = [
  { key: "alliance", header: "Aliado", kind: "key", width: 30 },
  { key: "cities", header: "Ciudades", kind: "measured", width: 22 },
  { key: "status", header: "Estado en Alianzas", kind: "measured", width: 22 },
  { key: "operations", header: "DOs atendidos", kind: "measured", width: 11, numberFormat: "0" },
  { key: "measured", header: "DOs medidos", kind: "measured", width: 11, numberFormat: "0" },
  { key: "onTime", header: "DOs a tiempo", kind: "measured", width: 11, numberFormat: "0" },
  { key: "onTimePct", header: "% cumplimiento ANS", kind: "measured", width: 14, numberFormat: "0.0%" },
  { key: "avgServiceDays", header: "Tiempo promedio (días hábiles)", kind: "measured", width: 16, numberFormat: "0.0" },
  { key: "nonconformities", header: "NC atribuibles", kind: "measured", width: 11, numberFormat: "0" },
  { key: "ncPer100", header: "NC por cada 100 DO", kind: "measured", width: 12, numberFormat: "0.00" },
  { key: "complaints", header: "Reclamos y quejas", kind: "measured", width: 11, numberFormat: "0" },
  { key: "closedEffectivePct", header: "% NC cerradas eficaces", kind: "measured", width: 14, numberFormat: "0.0%" },
  { key: "c1", header: "C1 Oportunidad (ANS)", kind: "measured", width: 13, numberFormat: "0" },
  { key: "c2", header: "C2 Calidad", kind: "measured", width: 11, numberFormat: "0" },
  { key: "c3", header: "C3 Gestión de NC", kind: "measured", width: 11, numberFormat: "0" },
  { key: "c4", header: "C4 Comunicación y trazabilidad", kind: "input", width: 15, numberFormat: "0" },
  { key: "c5", header: "C5 Cumplimiento legal y seguridad", kind: "input", width: 15, numberFormat: "0" },
  { key: "excluding", header: "Criterio excluyente", kind: "input", width: 12 },
  { key: "score", header: "Puntaje", kind: "formula", width: 10, numberFormat: "0.00" },
  { key: "rating", header: "Calificación", kind: "formula", width: 16 },
  { key: "decision", header: "Decisión", kind: "formula", width: 40 },
  { key: "notes", header: "Observaciones", kind: "input", width: 40 },
  { key: "improvementPlan", header: "Plan de mejora", kind: "input", width: 40 },
];

export const columnByKey = (key: EvaluationColumnKey): EvaluationColumn => {
  const column = EVALUATION_COLUMNS.find((c) => c.key === key);
  if (!column) throw new Error(`Columna de evaluación desconocida: ${key}`);
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
export const SIGNATURE_LABELS = ["Evaluado por", "Aprobado por — Gerente General", "Fecha"] as const;
export const DATE_FORMAT = "dd/mm/yyyy";
