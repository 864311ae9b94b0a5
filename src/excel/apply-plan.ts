import type {
  AppendTableRowsStep,
  ChartStep,
  ConditionalFormatStep,
  ListValidationStep,
  Plan,
  PlanStep,
} from "../domain/workbook/plan";
import type { CellValue, GridArea, WorkbookSnapshot } from "../domain/workbook/snapshot";
import { a1Address, areaAddress, qualifiedAddress } from "../domain/workbook/a1";
import { contentOf, entryForValue, sameContent } from "./cell-entry";
import { isFeatureSupported, missingFeatureMessage } from "./requirements";
import type { CellEntry } from "./write-rectangles";
import { groupIntoRectangles, payloadBytes, splitRectangle } from "./write-rectangles";

/** Excel on the web refuses requests over 5 MB; batches stay under 4 MB to leave room for the envelope. */
export const DEFAULT_MAX_PAYLOAD_BYTES = 4_000_000;

export interface ApplyPlanOptions {
  /** Largest estimated request per sync (tests lower it to exercise the chunking). */
  maxPayloadBytes?: number;
}

export interface ExcelApplyReport {
  /** Spanish, one per cell left untouched because someone changed it since it was read. */
  conflicts: string[];
  /** Spanish, one per step skipped because this Excel lacks the API set it needs. */
  skipped: string[];
  /** Cells written (values and formulas; formats not counted). */
  cellsWritten: number;
  /** context.sync() calls spent. */
  syncs: number;
}

/** Raised before anything is written, with a Spanish message that says what to do. */
export class PlanNotApplicableError extends Error {}

type Operation = { bytes: number; run: (context: Excel.RequestContext) => void };

interface PendingCell {
  sheet: string;
  row: number;
  col: number;
  entry: string | number | boolean;
  expected: CellValue;
}

const STEP_OVERHEAD_BYTES = 300;

/**
 * Applies a Plan with a constant number of syncs for a given plan shape: a conflict check (one sync; plus one to
 * list the sheets when no snapshot is given), the values in as few batches as the 5 MB limit allows (one for
 * plans under 4 MB), then the formats. Cells whose content changed since the snapshot are left alone and reported.
 */
export async function applyPlan(
  context: Excel.RequestContext,
  plan: Plan,
  snapshot?: WorkbookSnapshot,
  options: ApplyPlanOptions = {},
): Promise<ExcelApplyReport> {
  const maxBytes = options.maxPayloadBytes ?? DEFAULT_MAX_PAYLOAD_BYTES;
  const report: ExcelApplyReport = { conflicts: [], skipped: [], cellsWritten: 0, syncs: 0 };
  const sync = async () => {
    report.syncs += 1;
    await context.sync();
  };
  if (plan.steps.length === 0) return report;
  if (plan.steps.some((s) => s.kind === "copySheet") && !isFeatureSupported("copySheet")) {
    throw new PlanNotApplicableError(
      "Su versión de Excel no puede copiar hojas (ExcelApi 1.10), y el complemento guarda una copia de respaldo antes de reestructurar una hoja. " +
        "Actualice Excel o use Excel en la Web, o haga usted una copia de la hoja y vuelva a intentarlo.",
    );
  }

  let existingSheets: Set<string>;
  if (snapshot) {
    existingSheets = new Set(snapshot.sheets.map((s) => s.name));
  } else {
    const sheets = context.workbook.worksheets;
    sheets.load("items/name");
    await sync();
    existingSheets = new Set(sheets.items.map((s) => s.name));
  }
  const createdSheets = new Set<string>();
  for (const step of plan.steps) {
    if (step.kind === "addSheet") createdSheets.add(step.sheet);
    if (step.kind === "copySheet") createdSheets.add(step.copyName);
  }
  const checkable = (sheet: string) => existingSheets.has(sheet) && !createdSheets.has(sheet);

  // Blank rows at a table's bottom (Preparar leaves one) take the first appended rows, as a coordinator would fill them.
  const reuse = new Map<AppendTableRowsStep, ReusedRow[]>();
  if (snapshot) {
    for (const step of plan.steps) if (step.kind === "appendTableRows") reuse.set(step, reusableRows(snapshot, step));
  }
  const reusedCells: PendingCell[] = [...reuse.values()].flat().flatMap((r) => r.cells);

  // Conflict check: re-read every target cell on sheets that existed, plus names and charts the plan replaces.
  const pending = [...collectCells(plan.steps), ...reusedCells];
  const toCheck = pending.filter((cell) => checkable(cell.sheet));
  const checks = rectanglesBySheet(toCheck).map(({ sheet, rect }) => {
    const range = context.workbook.worksheets
      .getItem(sheet)
      .getRangeByIndexes(rect.row, rect.col, rect.entries.length, rect.entries[0]?.length ?? 1);
    range.load("values,formulas");
    return { sheet, rect, range };
  });
  const nameChecks = plan.steps
    .filter((s): s is Extract<PlanStep, { kind: "defineName" }> => s.kind === "defineName")
    .map((s) => {
      const item = context.workbook.names.getItemOrNullObject(s.name);
      item.load("name");
      return { name: s.name, item };
    });
  const chartChecks = plan.steps
    .filter((s): s is ChartStep => s.kind === "chart" && checkable(s.sheet))
    .map((s) => {
      const chart = context.workbook.worksheets.getItem(s.sheet).charts.getItemOrNullObject(s.name);
      chart.load("name");
      return { key: `${s.sheet}!${s.name}`, chart };
    });
  if (checks.length + nameChecks.length + chartChecks.length > 0) await sync();

  const current = new Map<string, CellValue>();
  for (const { sheet, rect, range } of checks) {
    const values = range.values as unknown[][];
    const formulas = range.formulas as unknown[][];
    rect.entries.forEach((row, r) =>
      row.forEach((_, c) => current.set(key(sheet, rect.row + r, rect.col + c), contentOf(values[r]?.[c], formulas[r]?.[c]))),
    );
  }
  const conflicted = new Set<string>();
  for (const cell of toCheck) {
    const k = key(cell.sheet, cell.row, cell.col);
    const now = current.get(k) ?? null;
    if (!sameContent(now, cell.expected)) {
      conflicted.add(k);
      report.conflicts.push(
        `La celda ${qualifiedAddress(cell.sheet, a1Address(cell.row, cell.col))} cambió desde que se leyó; no se sobrescribió.`,
      );
    }
  }
  const existingNames = new Set(nameChecks.filter((n) => !n.item.isNullObject).map((n) => n.name));
  const existingCharts = new Set(chartChecks.filter((c) => !c.chart.isNullObject).map((c) => c.key));

  // Values and structure, in plan order, batched under the payload limit.
  const valueOps: Operation[] = [];
  const formatOps: Operation[] = [];
  for (const step of plan.steps) {
    switch (step.kind) {
      case "copySheet":
        valueOps.push({
          bytes: STEP_OVERHEAD_BYTES,
          run: (ctx) => {
            const copy = ctx.workbook.worksheets.getItem(step.sheet).copy(Excel.WorksheetPositionType.end);
            copy.name = step.copyName;
          },
        });
        break;
      case "addSheet":
        valueOps.push({
          bytes: STEP_OVERHEAD_BYTES,
          run: (ctx) => {
            const sheet = ctx.workbook.worksheets.add(step.sheet);
            if (step.position !== undefined) sheet.position = step.position;
          },
        });
        break;
      case "writeCells": {
        const cells = step.cells
          .map((c) => ({ row: c.row, col: c.col, entry: c.formula ?? entryForValue(c.value ?? null) }))
          .filter((c) => !conflicted.has(key(step.sheet, c.row, c.col)));
        report.cellsWritten += cells.length;
        valueOps.push(...rectangleOps(step.sheet, cells, maxBytes));
        break;
      }
      case "fillColumn": {
        const runs = fillRuns(step.firstRow, step.rowCount, (row) => !conflicted.has(key(step.sheet, row, step.col)));
        for (const run of runs) {
          report.cellsWritten += run.rowCount;
          valueOps.push({
            bytes: STEP_OVERHEAD_BYTES + payloadBytes(step.formula),
            run: (ctx) => {
              const range = ctx.workbook.worksheets.getItem(step.sheet).getRangeByIndexes(run.firstRow, step.col, run.rowCount, 1);
              // One formula for the whole run: Excel fills it down (and adjusts relative references) like a calculated column.
              (range as unknown as { formulas: string }).formulas = step.formula;
            },
          });
        }
        break;
      }
      case "createTable":
        valueOps.push({
          bytes: STEP_OVERHEAD_BYTES,
          run: (ctx) => {
            const table = ctx.workbook.worksheets.getItem(step.sheet).tables.add(areaAddress(step.area), true);
            table.name = step.table;
            table.style = step.style;
          },
        });
        break;
      case "resizeTable":
        if (!isFeatureSupported("resizeTable")) {
          report.skipped.push(`${missingFeatureMessage("resizeTable")} (tabla ${step.table})`);
          break;
        }
        valueOps.push({
          bytes: STEP_OVERHEAD_BYTES,
          run: (ctx) => ctx.workbook.tables.getItem(step.table).resize(qualifiedAddress(step.sheet, areaAddress(step.area))),
        });
        break;
      case "renameTable":
        // Queued in plan order, before the steps that name the table by its new name.
        valueOps.push({
          bytes: STEP_OVERHEAD_BYTES,
          run: (ctx) => {
            ctx.workbook.tables.getItem(step.table).name = step.newName;
          },
        });
        break;
      case "appendTableRows": {
        // A reused row someone typed into since the read is left alone; its data goes to a new row instead.
        const reused = (reuse.get(step) ?? []).filter((r) => r.cells.every((c) => !conflicted.has(key(c.sheet, c.row, c.col))));
        const reusedIndexes = new Set(reused.map((r) => r.index));
        report.conflicts.splice(0, report.conflicts.length, ...report.conflicts.filter((m) => !reusedConflict(m, reuse.get(step) ?? [])));
        const cells = reused.flatMap((r) => r.cells.filter((c) => c.entry !== KEEP));
        report.cellsWritten += cells.length;
        valueOps.push(...rectangleOps(step.sheet, cells, maxBytes));
        const rest = step.rows.filter((_, i) => !reusedIndexes.has(i));
        report.cellsWritten += rest.reduce((n, row) => n + row.length, 0);
        if (rest.length > 0) valueOps.push(...appendOps({ ...step, rows: rest }, maxBytes));
        break;
      }
      case "defineName":
        valueOps.push({
          bytes: STEP_OVERHEAD_BYTES,
          run: (ctx) => {
            if (existingNames.has(step.name)) ctx.workbook.names.getItem(step.name).delete();
            ctx.workbook.names.add(step.name, step.reference);
          },
        });
        break;
      case "numberFormat":
        formatOps.push({
          bytes: STEP_OVERHEAD_BYTES + payloadBytes(step.format),
          run: (ctx) => {
            const range = rangeOf(ctx, step.sheet, step.area);
            // A single format applies to every cell of the range; a full 2-D array would only add payload.
            (range as unknown as { numberFormat: string }).numberFormat = step.format;
          },
        });
        break;
      case "listValidation":
        if (!isFeatureSupported("dataValidation")) report.skipped.push(missingFeatureMessage("dataValidation"));
        else formatOps.push({ bytes: STEP_OVERHEAD_BYTES + payloadBytes(step.source), run: (ctx) => applyValidation(ctx, step) });
        break;
      case "conditionalFormat":
        if (!isFeatureSupported("conditionalFormat")) report.skipped.push(missingFeatureMessage("conditionalFormat"));
        else formatOps.push({ bytes: STEP_OVERHEAD_BYTES, run: (ctx) => applyConditionalFormat(ctx, step) });
        break;
      case "freezeRows":
        if (!isFeatureSupported("freezePanes")) report.skipped.push(missingFeatureMessage("freezePanes"));
        else
          formatOps.push({
            bytes: STEP_OVERHEAD_BYTES,
            run: (ctx) => {
              const panes = ctx.workbook.worksheets.getItem(step.sheet).freezePanes;
              if (step.rows > 0) panes.freezeRows(step.rows);
              else panes.unfreeze();
            },
          });
        break;
      case "columnWidth":
        formatOps.push({
          bytes: STEP_OVERHEAD_BYTES,
          run: (ctx) => {
            const column = ctx.workbook.worksheets.getItem(step.sheet).getRangeByIndexes(0, step.col, 1, 1).getEntireColumn();
            column.format.columnWidth = widthInPoints(step.width);
          },
        });
        break;
      case "chart":
        formatOps.push({
          bytes: STEP_OVERHEAD_BYTES,
          run: (ctx) => addChart(ctx, step, existingCharts.has(`${step.sheet}!${step.name}`), report),
        });
        break;
      case "activate":
        formatOps.push({
          bytes: STEP_OVERHEAD_BYTES,
          run: (ctx) => {
            const sheet = ctx.workbook.worksheets.getItem(step.sheet);
            sheet.activate();
            if (step.cell) sheet.getRangeByIndexes(step.cell.row, step.cell.col, 1, 1).select();
          },
        });
        break;
      default:
        unhandledStep(step);
    }
  }

  for (const batch of batches(valueOps, maxBytes)) {
    // Recalculation waits until the batch is in: thousands of ADUANA formulas recalculate once, not once per write.
    context.application.suspendApiCalculationUntilNextSync();
    for (const op of batch) op.run(context);
    await sync();
  }
  for (const batch of batches(formatOps, maxBytes)) {
    for (const op of batch) op.run(context);
    await sync();
  }
  return report;
}

/** Compile-time proof that every step kind has a case; at run time, a plan from a newer domain fails loudly. */
function unhandledStep(step: never): never {
  throw new Error(`Paso de plan desconocido: ${JSON.stringify(step)}`);
}

function key(sheet: string, row: number, col: number): string {
  return `${sheet}\u0000${row}\u0000${col}`;
}

/** Every cell the plan writes with an expected content (writeCells and fillColumn), per sheet. */
function collectCells(steps: readonly PlanStep[]): PendingCell[] {
  const cells: PendingCell[] = [];
  for (const step of steps) {
    if (step.kind === "writeCells") {
      for (const c of step.cells) cells.push({ sheet: step.sheet, row: c.row, col: c.col, entry: "", expected: c.expected });
    } else if (step.kind === "fillColumn") {
      for (let i = 0; i < step.rowCount; i += 1) {
        cells.push({ sheet: step.sheet, row: step.firstRow + i, col: step.col, entry: "", expected: step.expected[i] ?? null });
      }
    }
  }
  return cells;
}

/** Marks a reused row's cell that keeps what it has (a calculated column's formula). */
const KEEP = "\u0000keep";

interface ReusedRow {
  /** Index of the appended row in the step. */
  index: number;
  cells: PendingCell[];
}

/** Appended rows that go into blank rows at the table's bottom: rows whose cells hold nothing but formulas. */
function reusableRows(snapshot: WorkbookSnapshot, step: AppendTableRowsStep): ReusedRow[] {
  const sheet = snapshot.sheets.find((s) => s.name === step.sheet);
  const table = sheet?.tables.find((t) => t.name === step.table);
  if (!sheet || !table) return [];
  const content = (row: number, col: number): CellValue => {
    const r = row - sheet.area.row;
    const c = col - sheet.area.col;
    return sheet.formulas[r]?.[c] ?? sheet.values[r]?.[c] ?? null;
  };
  const { row: top, col: left, rowCount, colCount } = table.area;
  let firstBlank = top + rowCount;
  while (firstBlank > top + 1) {
    const row = firstBlank - 1;
    const blank = Array.from({ length: colCount }, (_, c) => content(row, left + c)).every((v) => v === null || (typeof v === "string" && v.startsWith("=")));
    if (!blank) break;
    firstBlank = row;
  }
  const reusable = Math.min(top + rowCount - firstBlank, step.rows.length);
  return Array.from({ length: reusable }, (_, i) => ({
    index: i,
    cells: (step.rows[i] ?? []).map((cell, c) => {
      const row = firstBlank + i;
      const existing = content(row, left + c);
      const entry = cell !== null && typeof cell === "object" ? cell.formula : cell === null ? KEEP : entryForValue(cell);
      return { sheet: step.sheet, row, col: left + c, entry, expected: existing };
    }),
  }));
}

/** True when a conflict message is about a reused row (it is resolved by appending that row instead). */
function reusedConflict(message: string, rows: readonly ReusedRow[]): boolean {
  return rows.some((r) => r.cells.some((c) => message.includes(`${qualifiedAddress(c.sheet, a1Address(c.row, c.col))} `)));
}

function rectanglesBySheet(cells: readonly PendingCell[]) {
  const bySheet = new Map<string, CellEntry[]>();
  for (const c of cells) {
    const list = bySheet.get(c.sheet) ?? [];
    list.push({ row: c.row, col: c.col, entry: "" });
    bySheet.set(c.sheet, list);
  }
  return [...bySheet].flatMap(([sheet, list]) => groupIntoRectangles(list).map((rect) => ({ sheet, rect })));
}

function rectangleOps(sheet: string, cells: readonly CellEntry[], maxBytes: number): Operation[] {
  return groupIntoRectangles(cells)
    .flatMap((rect) => splitRectangle(rect, maxBytes - STEP_OVERHEAD_BYTES))
    .map((rect) => ({
      bytes: STEP_OVERHEAD_BYTES + payloadBytes(rect.entries),
      run: (ctx: Excel.RequestContext) => {
        const range = ctx.workbook.worksheets
          .getItem(sheet)
          .getRangeByIndexes(rect.row, rect.col, rect.entries.length, rect.entries[0]?.length ?? 1);
        range.formulas = rect.entries;
      },
    }));
}

/** Consecutive rows of a column run that may be written (conflicted rows split the run). */
export function fillRuns(firstRow: number, rowCount: number, writable: (row: number) => boolean) {
  const runs: { firstRow: number; rowCount: number }[] = [];
  for (let row = firstRow; row < firstRow + rowCount; row += 1) {
    if (!writable(row)) continue;
    const last = runs[runs.length - 1];
    if (last && last.firstRow + last.rowCount === row) last.rowCount += 1;
    else runs.push({ firstRow: row, rowCount: 1 });
  }
  return runs;
}

function appendOps(step: AppendTableRowsStep, maxBytes: number): Operation[] {
  const entries = step.rows.map((row) =>
    row.map((cell) => (cell !== null && typeof cell === "object" ? cell.formula : entryForValue(cell))),
  );
  return splitRectangle({ row: 0, col: 0, entries }, maxBytes - STEP_OVERHEAD_BYTES).map((part) => ({
    bytes: STEP_OVERHEAD_BYTES + payloadBytes(part.entries),
    run: (ctx: Excel.RequestContext) => {
      ctx.workbook.tables.getItem(step.table).rows.add(undefined, part.entries);
    },
  }));
}

/** Operations grouped so that each group's estimated request stays under maxBytes (one oversized op goes alone). */
export function batches(ops: readonly Operation[], maxBytes: number): Operation[][] {
  const groups: Operation[][] = [];
  let current: Operation[] = [];
  let bytes = 0;
  for (const op of ops) {
    if (current.length > 0 && bytes + op.bytes > maxBytes) {
      groups.push(current);
      current = [];
      bytes = 0;
    }
    current.push(op);
    bytes += op.bytes;
  }
  if (current.length > 0) groups.push(current);
  return groups;
}

function rangeOf(ctx: Excel.RequestContext, sheet: string, area: GridArea): Excel.Range {
  return ctx.workbook.worksheets.getItem(sheet).getRangeByIndexes(area.row, area.col, area.rowCount, area.colCount);
}

/** Excel column width in points for a width in characters (7 px per character plus 5 px padding, 0.75 pt per px). */
export function widthInPoints(chars: number): number {
  return Math.round((chars * 7 + 5) * 0.75 * 100) / 100;
}

function applyValidation(ctx: Excel.RequestContext, step: ListValidationStep): void {
  const validation = rangeOf(ctx, step.sheet, step.area).dataValidation;
  validation.clear();
  if (step.wholeNumberBetween) {
    validation.rule = {
      wholeNumber: {
        formula1: step.wholeNumberBetween.min,
        formula2: step.wholeNumberBetween.max,
        operator: Excel.DataValidationOperator.between,
      },
    };
  } else {
    const source = "formula" in step.source ? step.source.formula : step.source.values.join(",");
    validation.rule = { list: { inCellDropDown: true, source } };
  }
  validation.errorAlert = { message: step.errorMessage, showAlert: true, style: Excel.DataValidationAlertStyle.stop, title: "Valor no permitido" };
}

function applyConditionalFormat(ctx: Excel.RequestContext, step: ConditionalFormatStep): void {
  const format = rangeOf(ctx, step.sheet, step.area).conditionalFormats.add(Excel.ConditionalFormatType.custom);
  format.custom.rule.formula = step.formula;
  format.custom.format.fill.color = step.fill;
  format.custom.format.font.color = step.fontColor;
}

function addChart(ctx: Excel.RequestContext, step: ChartStep, exists: boolean, report: ExcelApplyReport): void {
  const sheet = ctx.workbook.worksheets.getItem(step.sheet);
  if (exists) sheet.charts.getItem(step.name).delete();
  const type =
    step.chartType === "line" ? Excel.ChartType.line : step.chartType === "barStacked" ? Excel.ChartType.barStacked : Excel.ChartType.columnClustered;
  const chart = sheet.charts.add(type, rangeOf(ctx, step.sheet, step.values), Excel.ChartSeriesBy.columns);
  chart.name = step.name;
  chart.title.text = step.title;
  chart.legend.visible = step.seriesNames !== undefined;
  chart.setPosition(a1Address(step.anchor.row, step.anchor.col));
  if (isFeatureSupported("chartAxis")) {
    const categories = rangeOf(ctx, step.sheet, step.categories);
    for (let i = 0; i < (step.seriesNames?.length ?? 1); i++) {
      const series = chart.series.getItemAt(i);
      series.setXAxisValues(categories);
      const name = step.seriesNames?.[i];
      if (name !== undefined) series.name = name;
    }
  } else {
    report.skipped.push(missingFeatureMessage("chartAxis"));
  }
}
