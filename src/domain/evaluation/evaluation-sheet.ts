import type { CellValue, SheetSnapshot, TableSnapshot, WorkbookSnapshot } from "../workbook/snapshot";
import type { ManualInputs } from "./compute-evaluation";
import { excelTextKey, readText } from "../workbook/cell-reading";
import { isYes } from "../workbook/read-model";
import type { CellReader } from "../workbook/sheet-cells";
import { cellReader, dataRowCount, findSheet, firstDataRow } from "../workbook/sheet-cells";
import type { EvaluationColumnKey } from "./sheet-layout";
import {
  EVALUATION_COLUMNS,
  GENERATED_LABEL,
  SIGNATURE_LABELS,
  UPDATED_LABEL,
  evaluationSheetName,
  evaluationTableName,
} from "./sheet-layout";
import { textKey } from "./text-key";

export interface EvaluationRow {
  row: number;
  alliance: string;
}

/** A signature line found below the table: its label cell and the cell to its right, where the name is typed. */
export interface SignatureLine {
  label: (typeof SIGNATURE_LABELS)[number];
  row: number;
  col: number;
}

/** An existing `Evaluación AAAA` sheet as the evaluator left it. */
export interface EvaluationSheet {
  sheet: SheetSnapshot;
  cells: CellReader;
  /** Null when the sheet exists but its table was removed or renamed. */
  table: TableSnapshot | null;
  /** Sheet column of each known column present in the table, found by header. */
  columns: Map<EvaluationColumnKey, number>;
  /** Header text as the table spells it. */
  headers: Map<EvaluationColumnKey, string>;
  rows: EvaluationRow[];
  signature: SignatureLine[];
  /** The value cell of "Cifras actualizadas el" above the table, if still there. */
  updatedCell: { row: number; col: number } | null;
  /** The value cell of "Generada el" above the table, if still there. */
  generatedCell: { row: number; col: number } | null;
}

export function readEvaluationSheet(snapshot: WorkbookSnapshot, year: number): EvaluationSheet | null {
  const sheet = findSheet(snapshot, evaluationSheetName(year));
  if (!sheet) return null;
  const cells = cellReader(sheet);
  const tableName = evaluationTableName(year).toLowerCase();
  const table = sheet.tables.find((t) => t.name.toLowerCase() === tableName) ?? null;
  const columns = new Map<EvaluationColumnKey, number>();
  const headers = new Map<EvaluationColumnKey, string>();
  if (!table) return { sheet, cells, table, columns, headers, rows: [], signature: [], updatedCell: null, generatedCell: null };

  table.columns.forEach((column, index) => {
    const known = EVALUATION_COLUMNS.find((c) => textKey(c.header) === textKey(column.header));
    if (known && !columns.has(known.key)) {
      columns.set(known.key, table.area.col + index);
      headers.set(known.key, column.header);
    }
  });
  const allianceCol = columns.get("alliance");
  const rows: EvaluationRow[] = [];
  if (allianceCol !== undefined) {
    const first = firstDataRow(table);
    for (let row = first; row < first + dataRowCount(table); row++) {
      const alliance = readText(cells.value(row, allianceCol));
      if (alliance !== "") rows.push({ row, alliance });
    }
  }
  return {
    sheet,
    cells,
    table,
    columns,
    headers,
    rows,
    signature: findSignature(sheet, cells, table),
    updatedCell: findLabelled(sheet, cells, table, UPDATED_LABEL),
    generatedCell: findLabelled(sheet, cells, table, GENERATED_LABEL),
  };
}

/**
 * The signature lines: rows below the table whose first column holds a signature label ("Evaluado por", "Nombre",
 * "Firma", "Fecha"…). The whole block moves together when the table grows.
 */
function findSignature(sheet: SheetSnapshot, cells: CellReader, table: TableSnapshot): SignatureLine[] {
  const col = table.area.col;
  const lastUsedRow = sheet.area.row + sheet.area.rowCount - 1;
  const lines: SignatureLine[] = [];
  for (let row = table.area.row + table.area.rowCount; row <= lastUsedRow; row++) {
    const text = textKey(readText(cells.value(row, col)).replace(/:$/, ""));
    const label = SIGNATURE_LABELS.find((l) => textKey(l) === text);
    if (label) lines.push({ label, row, col });
  }
  return lines;
}

function findLabelled(sheet: SheetSnapshot, cells: CellReader, table: TableSnapshot, label: string) {
  for (let row = Math.max(sheet.area.row, 0); row < table.area.row; row++) {
    if (textKey(readText(cells.value(row, table.area.col))) === textKey(label)) return { row, col: table.area.col + 1 };
  }
  return null;
}

const numberOrUndefined = (value: CellValue): number | undefined =>
  typeof value === "number" && Number.isFinite(value) ? value : undefined;

/** What the evaluator typed in one row (only the fields that hold something). */
export function rowInputs(sheet: EvaluationSheet, row: number): ManualInputs {
  const read = (key: EvaluationColumnKey): CellValue => {
    const col = sheet.columns.get(key);
    return col === undefined ? null : sheet.cells.value(row, col);
  };
  const inputs: ManualInputs = {};
  const c4 = numberOrUndefined(read("c4"));
  const c5 = numberOrUndefined(read("c5"));
  if (c4 !== undefined) inputs.c4 = c4;
  if (c5 !== undefined) inputs.c5 = c5;
  // As Calificación compares it, [@[Criterio excluyente]]="Sí": letter case aside, as typed ("Si" or "Sí " is not Sí).
  const excluding = read("excluding");
  if (isYes(excluding)) inputs.excluding = true;
  else if (typeof excluding === "string" && excelTextKey(excluding) === "no") inputs.excluding = false;
  const notes = readText(read("notes"));
  const improvementPlan = readText(read("improvementPlan"));
  if (notes !== "") inputs.notes = notes;
  if (improvementPlan !== "") inputs.improvementPlan = improvementPlan;
  return inputs;
}

/**
 * The manual inputs typed in an existing `Evaluación AAAA` sheet, by alliance name as written there (first
 * row wins when a name repeats); empty when the sheet or its table does not exist.
 */
export function readEvaluationInputs(snapshot: WorkbookSnapshot, year: number): Map<string, ManualInputs> {
  const sheet = readEvaluationSheet(snapshot, year);
  return sheet ? sheetInputs(sheet) : new Map();
}

export function sheetInputs(sheet: EvaluationSheet): Map<string, ManualInputs> {
  const inputs = new Map<string, ManualInputs>();
  const seen = new Set<string>();
  for (const { row, alliance } of sheet.rows) {
    if (seen.has(textKey(alliance))) continue;
    seen.add(textKey(alliance));
    inputs.set(alliance, rowInputs(sheet, row));
  }
  return inputs;
}
