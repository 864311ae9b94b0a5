import { DATE_FORMAT } from "../workbook/schema-types";
import type { CellWrite, Plan, PlanStep } from "../workbook/plan";
import type { CellValue } from "../workbook/snapshot";
import { a1Address } from "../workbook/a1";
import { planTableAppend, type AppendedCell } from "../workbook/table-append";
import type { AllianceEvaluation } from "./compute-evaluation";
import { rowFormulas } from "./evaluation-formulas";
import type { EvaluationRow, EvaluationSheet } from "./evaluation-sheet";
import { rowFormatSteps } from "./format-steps";
import type { SheetPlanContext } from "./plan-new-sheet";
import { chartStep } from "./plan-new-sheet";
import {
  clearSignatureStyleSteps,
  dataRowStyleSteps,
  evaluationPageSetup,
  rowText,
  signatureBlockHeight,
  signatureLabelWrites,
  signatureStyleSteps,
} from "./print-layout";
import { formulaResult, historyValue, measuredValue, sameValue } from "./row-values";
import { sameFormula } from "../workbook/formula-text";
import type { EvaluationColumnKey } from "./sheet-layout";
import {
  EVALUATION_COLUMNS,
  HISTORY_KEYS,
  RETIRED_STATUS,
  SIGNATURE_GAP,
  SIGNATURE_ROWS,
  TITLE_ROW,
  evaluationTableName,
  evaluationTitle,
  isGeneratedTitle,
} from "./sheet-layout";
import { partialLabel } from "./evaluation-period";
import { textKey } from "./text-key";
import { WorkbookMessages } from "../workbook/messages";
import { EvaluationMessages } from "./messages";


/** Collects cell writes by address; a later write to the same cell replaces the earlier one. */
class CellWrites {
  private readonly byAddress = new Map<string, CellWrite>();
  constructor(private readonly content: (row: number, col: number) => CellValue) {}
  set(row: number, col: number, write: { value?: CellValue; formula?: string; result?: CellValue }): void {
    this.byAddress.set(`${row}:${col}`, { row, col, ...write, expected: this.content(row, col) });
  }
  list(): CellWrite[] {
    return [...this.byAddress.values()];
  }
}

/** Pairs sheet rows with alliances by name, in order, so that a repeated name keeps its own rows. */
function matchRows(rows: readonly EvaluationRow[], alliances: readonly AllianceEvaluation[]) {
  const queues = new Map<string, EvaluationRow[]>();
  for (const row of rows) {
    const key = textKey(row.alliance);
    queues.set(key, [...(queues.get(key) ?? []), row]);
  }
  const matched: { row: EvaluationRow; alliance: AllianceEvaluation }[] = [];
  const added: AllianceEvaluation[] = [];
  for (const alliance of alliances) {
    const row = queues.get(textKey(alliance.alliance))?.shift();
    if (row) matched.push({ row, alliance });
    else added.push(alliance);
  }
  const retired = [...queues.values()].flat().sort((a, b) => a.row - b.row);
  return { matched, added, retired };
}

/**
 * Refreshes an existing `Evaluación AAAA`: measured columns and formulas that differ are rewritten, what the
 * evaluator typed is never written, new alliances get rows, removed ones keep their row marked.
 */
export function planRefresh(existing: EvaluationSheet, ctx: SheetPlanContext): Plan {
  const { year, result } = ctx;
  const sheet = existing.sheet.name;
  const tableName = evaluationTableName(year);
  const table = existing.table;
  const notes: string[] = [];
  if (!table) {
    notes.push(EvaluationMessages.sheetWithoutTable(sheet, tableName));
    return { steps: [], notes };
  }
  const allianceCol = existing.columns.get("alliance");
  if (allianceCol === undefined) {
    notes.push(EvaluationMessages.tableWithoutAllianceColumn(tableName));
    return { steps: [], notes };
  }
  const missing = EVALUATION_COLUMNS.filter((c) => !existing.columns.has(c.key) && !HISTORY_KEYS.includes(c.key)).map((c) => c.header);
  if (missing.length > 0) {
    notes.push(EvaluationMessages.columnsGone(tableName, missing));
  }

  const cells = existing.cells;
  const writes = new CellWrites(cells.content);
  const { matched, added, retired } = matchRows(existing.rows, result.alliances);
  const formulas = new Map<EvaluationColumnKey, string>(rowFormulas(ctx.formulas));

  let refreshedRows = 0;
  for (const { row, alliance } of matched) {
    let changed = false;
    for (const column of EVALUATION_COLUMNS) {
      const col = existing.columns.get(column.key);
      if (col === undefined || (column.kind !== "measured" && column.kind !== "history")) continue;
      const value = column.kind === "history" ? historyValue(column.key, ctx.previous, alliance) : measuredValue(column.key, alliance);
      if (!sameValue(cells.value(row.row, col), value) || cells.formula(row.row, col) !== null) {
        writes.set(row.row, col, { value });
        changed = true;
      }
    }
    if (changed) refreshedRows++;
    for (const [key, formula] of formulas) {
      const col = existing.columns.get(key);
      if (col === undefined) continue;
      const expectedResult = formulaResult(key, alliance, ctx.bands, ctx.previous);
      if (!sameFormula(cells.formula(row.row, col), formula) || !sameValue(cells.value(row.row, col), expectedResult)) {
        writes.set(row.row, col, { formula, result: expectedResult });
      }
    }
    warnOutOfRange(existing, row, notes);
  }

  const statusCol = existing.columns.get("status");
  const newlyRetired = retired.filter((r) => statusCol !== undefined && cells.value(r.row, statusCol) !== RETIRED_STATUS);
  for (const r of newlyRetired) writes.set(r.row, statusCol ?? allianceCol, { value: RETIRED_STATUS });
  if (newlyRetired.length > 0) {
    notes.push(EvaluationMessages.alliancesRetired(newlyRetired.map((r) => r.alliance), RETIRED_STATUS));
  }

  const steps: PlanStep[] = [];
  const lastRow = table.area.row + table.area.rowCount - 1;
  let appended: AppendedCell[][] = [];
  let signatureEnd = Math.max(lastRow, ...existing.signature.map((s) => s.row));
  let signatureMove: SignatureMove | null = null;
  if (added.length > 0) {
    const placed = placeNewRows(existing, lastRow, added.length, writes);
    if (placed.blocker) {
      notes.push(EvaluationMessages.alliancesNotAdded(added.map((a) => a.alliance), placed.blocker, table.name));
    } else {
      signatureEnd = placed.signatureEnd;
      signatureMove = placed.move ?? null;
      appended = added.map((alliance) =>
        table.columns.map((_, index): AppendedCell => {
          const column = EVALUATION_COLUMNS.find((c) => existing.columns.get(c.key) === table.area.col + index);
          if (!column) return null;
          if (column.kind === "formula") {
            const formula = formulas.get(column.key) ?? "";
            return { formula, result: formulaResult(column.key, alliance, ctx.bands, ctx.previous) };
          }
          if (column.kind === "history") return historyValue(column.key, ctx.previous, alliance);
          return column.kind === "input" ? null : measuredValue(column.key, alliance);
        }),
      );
      notes.push(EvaluationMessages.alliancesAdded(added.map((a) => a.alliance)));
    }
  }

  const measuredChanged = refreshedRows > 0 || appended.length > 0;
  if (measuredChanged && existing.updatedCell) {
    const { row, col } = existing.updatedCell;
    const date = Math.floor(ctx.today);
    if (cells.value(row, col) !== date) writes.set(row, col, { value: date });
  }
  if (refreshedRows > 0) notes.push(EvaluationMessages.figuresRefreshed(refreshedRows, sheet));
  // The title says whether the figures are partial: a year that has ended since drops "(parcial, al …)".
  const title = evaluationTitle(year, partialLabel(result.partialThrough));
  const titleNow = cells.value(TITLE_ROW, 0);
  if (titleNow !== title && cells.formula(TITLE_ROW, 0) === null && isGeneratedTitle(titleNow, year)) writes.set(TITLE_ROW, 0, { value: title });

  const cellWrites = writes.list();
  // Writes first: they move the signature block out of the rows the table grows into.
  if (cellWrites.length > 0) steps.push({ kind: "writeCells", sheet, cells: cellWrites });
  if (appended.length > 0) {
    // The rows go right under the table (its trailing rows are alliances, never reused): placeNewRows made room.
    const vacated = new Map(cellWrites.map((w) => [`${w.row}:${w.col}`, w.formula ?? w.value ?? null]));
    const content = (row: number, col: number): CellValue => {
      const key = `${row}:${col}`;
      return vacated.has(key) ? (vacated.get(key) ?? null) : cells.content(row, col);
    };
    const placedRows = planTableAppend({ sheet: existing.sheet, table: table.name, area: table.area, rows: appended, reuseBlankRows: false, content });
    if (!placedRows.step) {
      notes.push(EvaluationMessages.alliancesNotAdded(null, placedRows.blocker ?? "", table.name));
    } else {
      steps.push(placedRows.step);
      steps.push(...rowFormatSteps(sheet, existing.columns, lastRow + 1, appended.length));
      const colCount = table.area.col + table.area.colCount;
      const widths = new Map(
        EVALUATION_COLUMNS.flatMap((c) => {
          const col = existing.columns.get(c.key);
          return col === undefined ? [] : [[col, c.width] as const];
        }),
      );
      const texts = added.map((a) => rowText(a, formulaResult("decision", a, ctx.bands, ctx.previous)));
      steps.push(...dataRowStyleSteps(sheet, existing.columns, widths, colCount, lastRow + 1, texts));
      if (signatureMove) {
        steps.push(...clearSignatureStyleSteps(sheet, signatureMove.vacated, table.area.col));
        if (signatureMove.standard) steps.push(...signatureStyleSteps(sheet, signatureMove.start, table.area.col));
        else if (signatureMove.dateCell) {
          steps.push({ kind: "numberFormat", sheet, area: { ...signatureMove.dateCell, rowCount: 1, colCount: 1 }, format: DATE_FORMAT });
        }
      }
      const generated = existing.generatedCell ? existing.cells.value(existing.generatedCell.row, existing.generatedCell.col) : null;
      steps.push(evaluationPageSetup(sheet, year, colCount, signatureEnd, typeof generated === "number" ? generated : null));
      const firstRow = table.area.row + 1;
      const chart = chartStep(year, existing.columns, firstRow, lastRow - firstRow + 1 + appended.length, signatureEnd + 2);
      if (chart) steps.push(chart);
    }
  }
  if (steps.length > 0) steps.push({ kind: "activate", sheet });
  else notes.push(WorkbookMessages.sheetUpToDate(sheet));
  return { steps, notes };
}

/** Where the signature block went: its first row, the rows it left, and whether it has today's layout. */
interface SignatureMove {
  start: number;
  vacated: number[];
  /** The block is laid out as SIGNATURE_ROWS (so it gets the lines and bold titles again). */
  standard: boolean;
  dateCell: { row: number; col: number } | null;
}

function isStandardBlock(lines: readonly { label: string; row: number }[]): boolean {
  const first = Math.min(...lines.map((l) => l.row));
  const expected = SIGNATURE_ROWS.map((label, i) => ({ label, row: first + i })).filter((l) => l.label !== "");
  return expected.length === lines.length && expected.every((e, i) => lines[i]?.label === e.label && lines[i]?.row === e.row);
}

/**
 * Makes room for `count` rows under the table: moves the signature block down when it would be in the way
 * (or writes it when missing). Returns the first non-empty foreign cell in the way instead, if any.
 */
function placeNewRows(
  existing: EvaluationSheet,
  lastRow: number,
  count: number,
  writes: CellWrites,
): { blocker: string | null; signatureEnd: number; move?: SignatureMove | null } {
  const table = existing.table;
  if (!table) return { blocker: null, signatureEnd: lastRow };
  const cells = existing.cells;
  const labelCol = table.area.col;
  const newLast = lastRow + count;
  const wantedStart = newLast + 1 + SIGNATURE_GAP;
  const lines = existing.signature;
  const signatureCells = new Set(lines.flatMap((l) => [`${l.row}:${l.col}`, `${l.row}:${l.col + 1}`]));
  const isForeign = (row: number, col: number) =>
    !signatureCells.has(`${row}:${col}`) && !sameValue(cells.content(row, col), null);

  for (let row = lastRow + 1; row <= newLast; row++) {
    for (let col = table.area.col; col < table.area.col + table.area.colCount; col++) {
      if (isForeign(row, col)) return { blocker: a1Address(row, col), signatureEnd: lastRow };
    }
  }
  if (lines.length === 0) {
    for (let i = 0; i < signatureBlockHeight; i++) {
      for (const col of [labelCol, labelCol + 1]) {
        if (isForeign(wantedStart + i, col)) return { blocker: a1Address(wantedStart + i, col), signatureEnd: lastRow };
      }
    }
    for (const write of signatureLabelWrites(wantedStart, labelCol)) writes.set(write.row, write.col, { value: write.value ?? null });
    const end = wantedStart + signatureBlockHeight - 1;
    return { blocker: null, signatureEnd: end, move: { start: wantedStart, vacated: [], standard: true, dateCell: null } };
  }
  const firstLine = Math.min(...lines.map((l) => l.row));
  const lastLine = Math.max(...lines.map((l) => l.row));
  if (firstLine >= wantedStart - SIGNATURE_GAP + 1) return { blocker: null, signatureEnd: lastLine };
  const shift = wantedStart - firstLine;
  for (const line of lines) {
    for (const col of [line.col, line.col + 1]) {
      if (isForeign(line.row + shift, col)) return { blocker: a1Address(line.row + shift, col), signatureEnd: lastRow };
    }
  }
  // Vacate first, then fill: where old and new places overlap, the moved content wins.
  for (const line of lines) for (const col of [line.col, line.col + 1]) writes.set(line.row, col, { value: null });
  for (const line of lines) {
    for (const col of [line.col, line.col + 1]) {
      const formula = cells.formula(line.row, col);
      writes.set(line.row + shift, col, formula !== null ? { formula } : { value: cells.value(line.row, col) });
    }
  }
  const newRows = new Set(lines.map((l) => l.row + shift));
  const vacated: number[] = [];
  for (let row = firstLine; row <= lastLine; row++) if (!newRows.has(row) && row < wantedStart) vacated.push(row);
  const dateLine = [...lines].reverse().find((l) => l.label === "Fecha");
  return {
    blocker: null,
    signatureEnd: lastLine + shift,
    move: {
      start: wantedStart,
      vacated,
      standard: isStandardBlock(lines),
      dateCell: dateLine ? { row: dateLine.row + shift, col: dateLine.col + 1 } : null,
    },
  };
}

/** A typed C4/C5 outside 1–5 (pasted past the validation) still counts in Puntaje, so say so. */
function warnOutOfRange(existing: EvaluationSheet, row: EvaluationRow, notes: string[]): void {
  for (const key of ["c4", "c5"] as const) {
    const col = existing.columns.get(key);
    if (col === undefined) continue;
    const value = existing.cells.value(row.row, col);
    const valid = value === null || value === "" || (typeof value === "number" && Number.isInteger(value) && value >= 1 && value <= 5);
    if (!valid) {
      notes.push(EvaluationMessages.scoreOutOfRange(`«${existing.sheet.name}»!${a1Address(row.row, col)}`, key.toUpperCase(), row.alliance, String(value)));
    }
  }
}
