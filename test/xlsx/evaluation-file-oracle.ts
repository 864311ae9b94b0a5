/**
 * The annual evaluation recomputed from an .xlsx file read with plain ExcelJS (not our adapter or domain):
 * tables by header, dates from the cells, service days from formulajs + date-holidays (independent-oracle).
 */
import type ExcelJS from "exceljs";
import { oracleServiceDays } from "../domain/evaluation/independent-oracle";

export type Row = Record<string, ExcelJS.CellValue>;

const EXCEL_EPOCH = Date.UTC(1899, 11, 30);
const MS_PER_DAY = 86_400_000;

/** A cell's value with formulas replaced by their cached result. */
function plain(value: ExcelJS.CellValue): ExcelJS.CellValue {
  if (value !== null && typeof value === "object" && !(value instanceof Date) && "formula" in value) {
    return (value.result ?? null) as ExcelJS.CellValue;
  }
  return value;
}

/** "B7" → row 7, column 2. */
function decodeA1(address: string): { row: number; col: number } | null {
  const match = /^\$?([A-Z]+)\$?(\d+)$/.exec(address);
  if (!match) return null;
  const col = [...(match[1] ?? "")].reduce((n, ch) => n * 26 + ch.charCodeAt(0) - 64, 0);
  return { row: Number(match[2]), col };
}

/** The data rows of a table, wherever it is, as header → value. */
export function tableRows(wb: ExcelJS.Workbook, tableName: string): Row[] {
  for (const ws of wb.worksheets) {
    for (const table of ws.getTables() as unknown as { name: string; table: { tableRef: string } }[]) {
      if (table.name !== tableName) continue;
      const [top, bottom] = table.table.tableRef.split(":").map(decodeA1);
      if (!top || !bottom) throw new Error(`bad table reference ${table.table.tableRef}`);
      const headers: string[] = [];
      for (let c = top.col; c <= bottom.col; c++) headers.push(String(ws.getRow(top.row).getCell(c).value));
      const rows: Row[] = [];
      for (let r = top.row + 1; r <= bottom.row; r++) {
        const row: Row = {};
        headers.forEach((header, i) => (row[header] = plain(ws.getRow(r).getCell(top.col + i).value)));
        if (Object.values(row).some((v) => v !== null && v !== undefined && v !== "")) rows.push(row);
      }
      return rows;
    }
  }
  throw new Error(`no table ${tableName}`);
}

/** Excel serial of a date cell (ExcelJS gives UTC Dates); anything else, text dates included, is no date. */
export function serialOf(value: ExcelJS.CellValue): number | null {
  if (value instanceof Date) return (value.getTime() - EXCEL_EPOCH) / MS_PER_DAY;
  return typeof value === "number" ? value : null;
}

const yearOf = (serial: number | null): number | null =>
  serial === null ? null : new Date(EXCEL_EPOCH + Math.floor(serial) * MS_PER_DAY).getUTCFullYear();
const key = (value: ExcelJS.CellValue): string => (typeof value === "string" ? value.trim().toLowerCase() : "");

export interface ExpectedRow {
  alliance: string;
  operations: number;
  measured: number;
  onTime: number;
  onTimePct: number | null;
  avgServiceDays: number | null;
  nonconformities: number;
  ncPer100: number | null;
  complaints: number;
  closedEffectivePct: number | null;
  c1: number | null;
  c2: number | null;
  c3: number | null;
}

/** A measured DO, kept so the test can prove the fixture exercises holidays and Saturdays. */
export interface MeasuredDo {
  alliance: string;
  saturdayIsBusiness: boolean;
  start: number;
  release: number;
  days: number;
}

// SPEC §3 thresholds, written out again here.
const c1For = (pct: number) => (pct >= 95 ? 5 : pct >= 90 ? 4 : pct >= 85 ? 3 : pct >= 75 ? 2 : 1);
const c2For = (per100: number) => (per100 === 0 ? 5 : per100 <= 1 ? 4 : per100 <= 2 ? 3 : per100 <= 4 ? 2 : 1);
const c3For = (pct: number | null) => (pct === null || pct >= 90 ? 5 : pct >= 75 ? 4 : pct >= 60 ? 3 : pct >= 40 ? 2 : 1);

/** SPEC §3's measured columns and C1–C3 for every row of tblAlianzas, from the raw workbook. */
export function expectedEvaluation(
  wb: ExcelJS.Workbook,
  year: number,
): { rows: ExpectedRow[]; measuredDos: MeasuredDo[]; extraHolidays: number[] } {
  const alliances = tableRows(wb, "tblAlianzas");
  const operations = tableRows(wb, "tblOperaciones");
  const ncs = tableRows(wb, "tblNoConformidades");
  const extraHolidays = tableRows(wb, "tblFestivosExtra")
    .map((r) => serialOf(r["Fecha"] ?? null))
    .filter((s): s is number => s !== null);
  const allianceOfDo = new Map(operations.map((op) => [key(op["DO"] ?? null), key(op["Aliado"] ?? null)]));
  const measuredDos: MeasuredDo[] = [];

  const rows = alliances.map((a): ExpectedRow => {
    const name = String(a["Aliado"]);
    const saturdayIsBusiness = a["Sábado hábil"] === "Sí";
    const ops = operations.filter(
      (op) => key(op["Aliado"] ?? null) === key(name) && yearOf(serialOf(op["Fecha apertura DO"] ?? null)) === year,
    );
    const days: number[] = [];
    let onTime = 0;
    for (const op of ops) {
      const starts = [op["Fecha llegada mercancía"], op["Fecha documentos completos"]]
        .map((v) => serialOf(v ?? null))
        .filter((s): s is number => s !== null);
      const release = serialOf(op["Fecha levante / autorización"] ?? null);
      if (starts.length === 0 || release === null || release < Math.max(...starts)) continue;
      const start = Math.max(...starts);
      const delay = typeof op["Días imputables cliente"] === "number" ? op["Días imputables cliente"] : 0;
      const d = oracleServiceDays(start, release, saturdayIsBusiness, extraHolidays, delay);
      days.push(d);
      measuredDos.push({ alliance: name, saturdayIsBusiness, start, release, days: d });
      const target = op["Tipo"] === "Importación" ? a["Meta importación (días hábiles)"] : a["Meta exportación (días hábiles)"];
      if (typeof target === "number" && d <= target) onTime++;
    }
    const own = ncs.filter((nc) => {
      if (yearOf(serialOf(nc["Fecha"] ?? null)) !== year || nc["Estado"] === "Anulada") return false;
      const charged = key(nc["Aliado"] ?? null) || allianceOfDo.get(key(nc["DO"] ?? null));
      return charged === key(name);
    });
    const effective = own.filter((nc) => nc["Estado"] === "Cerrada" && nc["Eficaz"] === "Sí").length;
    const onTimePct = days.length > 0 ? (100 * onTime) / days.length : null;
    const ncPer100 = ops.length > 0 ? (100 * own.length) / ops.length : null;
    const closedEffectivePct = own.length > 0 ? (100 * effective) / own.length : null;
    return {
      alliance: name,
      operations: ops.length,
      measured: days.length,
      onTime,
      onTimePct,
      avgServiceDays: days.length > 0 ? days.reduce((s, d) => s + d, 0) / days.length : null,
      nonconformities: own.length,
      ncPer100,
      complaints: own.filter((nc) => nc["Tipo"] === "Reclamo cliente" || nc["Tipo"] === "Queja").length,
      closedEffectivePct,
      c1: onTimePct === null ? null : c1For(onTimePct),
      c2: ncPer100 === null ? null : c2For(ncPer100),
      c3: ops.length > 0 ? c3For(closedEffectivePct) : null,
    };
  });
  return { rows, measuredDos, extraHolidays };
}

/** Puntaje of SPEC §3 with the default weights 35/25/15/15/10: Σ score × weight / 5 × 100, to 2 decimals. */
export function expectedScore(scores: readonly number[]): number {
  const weights = [0.35, 0.25, 0.15, 0.15, 0.1];
  const sum = scores.reduce((total, s, i) => total + s * (weights[i] ?? 0), 0);
  return Math.round((sum / 5) * 100 * 100) / 100;
}

export const expectedRating = (score: number): string =>
  score >= 90 ? "Excelente" : score >= 75 ? "Bueno" : score >= 60 ? "Aceptable" : "Deficiente";

/** Header → column number of the row holding `firstHeader` in column A. */
export function headerColumns(ws: ExcelJS.Worksheet, firstHeader: string): { headerRow: number; col: Map<string, number> } {
  for (let r = 1; r <= ws.rowCount; r++) {
    if (ws.getCell(r, 1).value !== firstHeader) continue;
    const col = new Map<string, number>();
    ws.getRow(r).eachCell((cell, c) => col.set(String(cell.value), c));
    return { headerRow: r, col };
  }
  throw new Error(`no header ${firstHeader} in ${ws.name}`);
}
