import { WorkbookMessages } from "../domain/workbook/messages";
import { ExcelMessages } from "./messages";
import type {
  CellStyleStep,
  HeaderFooterText,
  PageSetupStep,
  ChartStep,
  ConditionalFormatStep,
  ListValidationStep,
  Plan,
  PlanStep,
  WholeNumberValidationStep,
} from "../domain/workbook/plan";
import type { CellValue, GridArea, WorkbookSnapshot } from "../domain/workbook/snapshot";
import { readGrids } from "./band-reader";
import { PlanNotApplicableError } from "./plan-errors";
import { checkTableGuards, queueTableGuards } from "./table-guards";
import { a1Address, areaAddress, qualifiedAddress } from "../domain/workbook/a1";
import { contentOf, entryForValue, sameContent } from "./cell-entry";
import { isFeatureSupported, missingFeatureMessage, OPTIONAL_FEATURES } from "./requirements";
import type { CellEntry } from "./write-rectangles";
import { groupIntoRectangles, payloadBytes, splitRectangle } from "./write-rectangles";
import type { ProgressReport } from "./action-types";

/** Excel on the web refuses requests over 5 MB; batches stay under 4 MB to leave room for the envelope. */
export const DEFAULT_MAX_PAYLOAD_BYTES = 4_000_000;

export interface ApplyPlanOptions {
  /** Largest estimated request per sync (tests lower it to exercise the chunking). */
  maxPayloadBytes?: number;
  /** Largest response per sync of the conflict re-read (tests lower it to exercise the bands). */
  maxResponseBytes?: number;
  /** Called after each band of writes is synced: phase "escribiendo", `done` of `total` bands. */
  onProgress?: (progress: ProgressReport) => void;
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

export { PlanNotApplicableError } from "./plan-errors";

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
 * Applies a Plan: a conflict check (cells re-read in bands, each sync under the response budget, plus the shape
 * and key column of every table the plan writes into), then the values in batches under the request limit, then
 * the formats. Cells whose content changed since the snapshot are left alone and reported; a table that changed
 * shape (rows inserted, deleted or sorted by a co-author) stops the plan before anything is written.
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
    throw new PlanNotApplicableError(ExcelMessages.backupImpossible(OPTIONAL_FEATURES.copySheet.what, OPTIONAL_FEATURES.copySheet.version));
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

  // Conflict check: what each target cell holds before the plan runs is the first step's `expected` for it.
  const pending = firstWrites(collectCells(plan.steps)).filter((cell) => checkable(cell.sheet));
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
  const guards = snapshot ? queueTableGuards(context, snapshot, plan.steps, pending) : [];
  if (nameChecks.length + chartChecks.length + guards.length > 0) await sync();
  if (snapshot) await checkTableGuards(context, snapshot, guards, { sync, maxResponseBytes: options.maxResponseBytes });

  const rects = rectanglesBySheet(pending);
  const grids = await readGrids(
    context,
    rects.map(({ sheet, rect }) => ({
      sheet,
      area: { row: rect.row, col: rect.col, rowCount: rect.entries.length, colCount: rect.entries[0]?.length ?? 1 },
      property: "formulas" as const,
    })),
    { sync, maxResponseBytes: options.maxResponseBytes },
  );
  const current = new Map<string, CellValue>();
  rects.forEach(({ sheet, rect }, i) => {
    const formulas = grids[i] ?? [];
    // `formulas` gives the formula of a formula cell and the value of any other cell.
    rect.entries.forEach((row, r) => row.forEach((_, c) => current.set(key(sheet, rect.row + r, rect.col + c), contentOf(formulas[r]?.[c], formulas[r]?.[c]))));
  });
  const conflicted = new Set<string>();
  const appendCells = new Set<string>();
  for (const step of plan.steps) if (step.kind === "appendTableRows") for (const c of step.cells) appendCells.add(key(step.sheet, c.row, c.col));
  for (const cell of pending) {
    const k = key(cell.sheet, cell.row, cell.col);
    const now = current.get(k) ?? null;
    if (sameContent(now, cell.expected)) continue;
    const where = qualifiedAddress(cell.sheet, a1Address(cell.row, cell.col));
    if (appendCells.has(k)) {
      throw new PlanNotApplicableError(ExcelMessages.appendCellChanged(where));
    }
    conflicted.add(k);
    report.conflicts.push(ExcelMessages.cellChanged(where));
  }
  const existingNames = new Set(nameChecks.filter((n) => !n.item.isNullObject).map((n) => n.name));
  const existingCharts = new Set(chartChecks.filter((c) => !c.chart.isNullObject).map((c) => c.key));

  // Values and structure, in plan order, batched under the payload limit.
  const valueOps: Operation[] = [];
  const formatOps: Operation[] = [];
  /** Formulas the plan writes, per column: Excel's calculated-column autofill may copy them into skipped cells. */
  const columnFormulas = new Map<string, Set<string>>();
  const noteFormula = (sheet: string, col: number, formula: string) => {
    const k = `${sheet}\u0000${col}`;
    columnFormulas.set(k, (columnFormulas.get(k) ?? new Set<string>()).add(formula));
  };
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
        for (const c of cells) if (typeof c.entry === "string" && c.entry.startsWith("=")) noteFormula(step.sheet, c.col, c.entry);
        report.cellsWritten += cells.length;
        valueOps.push(...rectangleOps(step.sheet, cells, maxBytes));
        break;
      }
      case "fillColumn": {
        const runs = fillRuns(step.firstRow, step.rowCount, (row) => !conflicted.has(key(step.sheet, row, step.col)));
        if (runs.length > 0) noteFormula(step.sheet, step.col, step.formula);
        // A 2-D array per run, in bands under the request limit: assigning one string to many cells is undocumented.
        const cells = runs.flatMap((run) =>
          Array.from({ length: run.rowCount }, (_, i) => ({ row: run.firstRow + i, col: step.col, entry: step.formula })),
        );
        report.cellsWritten += cells.length;
        valueOps.push(...rectangleOps(step.sheet, cells, maxBytes));
        break;
      }
      case "createTable":
        valueOps.push({
          bytes: STEP_OVERHEAD_BYTES,
          run: (ctx) => {
            // A Range, not an address: an address without a sheet name means the active sheet.
            const sheet = ctx.workbook.worksheets.getItem(step.sheet);
            const table = sheet.tables.add(rangeOf(ctx, step.sheet, step.area), true);
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
          run: (ctx) => ctx.workbook.tables.getItem(step.table).resize(rangeOf(ctx, step.sheet, step.area)),
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
        // Written into the rows the domain chose, right under the table: nothing is inserted or shifted.
        const cells = step.cells.map((c) => ({ row: c.row, col: c.col, entry: c.formula ?? entryForValue(c.value ?? null) }));
        report.cellsWritten += cells.length;
        valueOps.push(...rectangleOps(step.sheet, cells, maxBytes));
        if (step.newArea.rowCount === step.area.rowCount) break;
        if (!isFeatureSupported("resizeTable")) {
          report.skipped.push(ExcelMessages.tableNotResized(OPTIONAL_FEATURES.resizeTable.what, OPTIONAL_FEATURES.resizeTable.version, step.table, step.sheet));
          break;
        }
        valueOps.push({
          bytes: STEP_OVERHEAD_BYTES,
          run: (ctx) => ctx.workbook.tables.getItem(step.table).resize(rangeOf(ctx, step.sheet, step.newArea)),
        });
        break;
      }
      case "defineName":
        valueOps.push({
          bytes: STEP_OVERHEAD_BYTES,
          run: (ctx) => {
            if (!existingNames.has(step.name)) ctx.workbook.names.add(step.name, step.reference);
            // Changing the reference in place: deleting and re-adding the name recalculates every formula that uses it.
            else if (isFeatureSupported("namedFormula")) ctx.workbook.names.getItem(step.name).formula = step.reference;
            else {
              ctx.workbook.names.getItem(step.name).delete();
              ctx.workbook.names.add(step.name, step.reference);
            }
          },
        });
        break;
      case "numberFormat":
        formatOps.push({
          bytes: STEP_OVERHEAD_BYTES + payloadBytes(step.format),
          run: (ctx) => {
            const range = rangeOf(ctx, step.sheet, step.area);
            // A single format applies to every cell of the range (Range.numberFormat, ExcelApi 1.1: "If the argument is a
            // single value, it will be applied to all cells in the range"); a full 2-D array would only add payload.
            (range as unknown as { numberFormat: string }).numberFormat = step.format;
          },
        });
        break;
      case "listValidation":
        if (!isFeatureSupported("dataValidation")) report.skipped.push(missingFeatureMessage("dataValidation"));
        else formatOps.push({ bytes: STEP_OVERHEAD_BYTES + payloadBytes(step.source), run: (ctx) => applyListValidation(ctx, step) });
        break;
      case "wholeNumberValidation":
        if (!isFeatureSupported("dataValidation")) report.skipped.push(missingFeatureMessage("dataValidation"));
        else formatOps.push({ bytes: STEP_OVERHEAD_BYTES, run: (ctx) => applyWholeNumberValidation(ctx, step) });
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
      case "cellStyle":
        formatOps.push({ bytes: STEP_OVERHEAD_BYTES, run: (ctx) => applyCellStyle(ctx, step) });
        break;
      case "pageSetup":
        if (!isFeatureSupported("pageLayout")) report.skipped.push(ExcelMessages.onSheet(missingFeatureMessage("pageLayout"), step.sheet));
        else formatOps.push({ bytes: STEP_OVERHEAD_BYTES, run: (ctx) => applyPageSetup(ctx, step) });
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

  const valueBatches = batches(valueOps, maxBytes);
  const formatBatches = batches(formatOps, maxBytes);
  const total = valueBatches.length + formatBatches.length;
  let done = 0;
  const progressed = () => {
    done += 1;
    options.onProgress?.({ phase: "escribiendo", done, total });
  };
  for (const batch of valueBatches) {
    // Recalculation waits until the batch is in: thousands of ADUANA formulas recalculate once, not once per write.
    context.application.suspendApiCalculationUntilNextSync();
    for (const op of batch) op.run(context);
    await sync();
    progressed();
  }
  const skipped = pending.filter((c) => conflicted.has(key(c.sheet, c.row, c.col))).map((c) => ({ ...c, expected: current.get(key(c.sheet, c.row, c.col)) ?? null }));
  await reportAutofilled(context, skipped, columnFormulas, report, sync, options.maxResponseBytes);
  for (const batch of formatBatches) {
    for (const op of batch) op.run(context);
    await sync();
    progressed();
  }
  return report;
}

/**
 * Excel's calculated-column autofill can put the column formula into a cell the plan deliberately skipped
 * (https://github.com/OfficeDev/office-js/issues/1916): those cells are read again, and one that now holds a formula
 * the plan wrote in its column is reported.
 */
async function reportAutofilled(
  context: Excel.RequestContext,
  skipped: readonly PendingCell[],
  columnFormulas: ReadonlyMap<string, ReadonlySet<string>>,
  report: ExcelApplyReport,
  sync: () => Promise<void>,
  maxResponseBytes: number | undefined,
): Promise<void> {
  if (skipped.length === 0) return;
  const rects = rectanglesBySheet(skipped);
  const grids = await readGrids(
    context,
    rects.map(({ sheet, rect }) => ({
      sheet,
      area: { row: rect.row, col: rect.col, rowCount: rect.entries.length, colCount: rect.entries[0]?.length ?? 1 },
      property: "formulas" as const,
    })),
    { sync, maxResponseBytes },
  );
  const now = new Map<string, CellValue>();
  rects.forEach(({ sheet, rect }, i) =>
    rect.entries.forEach((row, r) => row.forEach((_, c) => now.set(key(sheet, rect.row + r, rect.col + c), contentOf(grids[i]?.[r]?.[c], grids[i]?.[r]?.[c])))),
  );
  for (const cell of skipped) {
    const after = now.get(key(cell.sheet, cell.row, cell.col)) ?? null;
    if (sameContent(after, cell.expected) || typeof after !== "string" || !columnFormulas.get(`${cell.sheet}\u0000${cell.col}`)?.has(after)) continue;
    const where = qualifiedAddress(cell.sheet, a1Address(cell.row, cell.col));
    report.conflicts.push(ExcelMessages.columnFormulaFilled(where, cell.expected === null ? null : String(cell.expected)));
  }
}

/** Compile-time proof that every step kind has a case; at run time, a plan from a newer domain fails loudly. */
function unhandledStep(step: never): never {
  throw new Error(WorkbookMessages.unknownStep(JSON.stringify(step)));
}

function key(sheet: string, row: number, col: number): string {
  return `${sheet}\u0000${row}\u0000${col}`;
}

/** Every cell the plan writes with an expected content (writeCells, fillColumn, appendTableRows), in plan order. */
function collectCells(steps: readonly PlanStep[]): PendingCell[] {
  const cells: PendingCell[] = [];
  for (const step of steps) {
    if (step.kind === "writeCells" || step.kind === "appendTableRows") {
      for (const c of step.cells) cells.push({ sheet: step.sheet, row: c.row, col: c.col, entry: "", expected: c.expected });
    } else if (step.kind === "fillColumn") {
      for (let i = 0; i < step.rowCount; i += 1) {
        cells.push({ sheet: step.sheet, row: step.firstRow + i, col: step.col, entry: "", expected: step.expected[i] ?? null });
      }
    }
  }
  return cells;
}

/** Each cell once, with the `expected` of the first step that writes it: later steps expect the plan's own writes. */
function firstWrites(cells: readonly PendingCell[]): PendingCell[] {
  const seen = new Set<string>();
  return cells.filter((c) => {
    const k = key(c.sheet, c.row, c.col);
    if (seen.has(k)) return false;
    seen.add(k);
    return true;
  });
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

const ALERT = { showAlert: true, title: "Valor no permitido" } as const;

function applyListValidation(ctx: Excel.RequestContext, step: ListValidationStep): void {
  const validation = rangeOf(ctx, step.sheet, step.area).dataValidation;
  validation.clear();
  const source = "formula" in step.source ? step.source.formula : step.source.values.join(",");
  validation.rule = { list: { inCellDropDown: true, source } };
  validation.errorAlert = { ...ALERT, message: step.errorMessage, style: Excel.DataValidationAlertStyle.stop };
}

function applyWholeNumberValidation(ctx: Excel.RequestContext, step: WholeNumberValidationStep): void {
  const validation = rangeOf(ctx, step.sheet, step.area).dataValidation;
  validation.clear();
  validation.rule = { wholeNumber: { formula1: step.min, formula2: step.max, operator: Excel.DataValidationOperator.between } };
  validation.errorAlert = { ...ALERT, message: step.errorMessage, style: Excel.DataValidationAlertStyle.stop };
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

type BorderEdge = "EdgeTop" | "EdgeBottom" | "EdgeLeft" | "EdgeRight" | "InsideHorizontal" | "InsideVertical";

function applyCellStyle(ctx: Excel.RequestContext, step: CellStyleStep): void {
  const range = rangeOf(ctx, step.sheet, step.area);
  const { style } = step;
  if (style.merge && (step.area.rowCount > 1 || step.area.colCount > 1)) range.merge(false);
  const format = range.format;
  if (style.bold !== undefined) format.font.bold = style.bold;
  if (style.italic !== undefined) format.font.italic = style.italic;
  if (style.fontSize !== undefined) format.font.size = style.fontSize;
  if (style.fontColor !== undefined) format.font.color = style.fontColor;
  if (style.fill === null) format.fill.clear();
  else if (style.fill !== undefined) format.fill.color = style.fill;
  if (style.wrap !== undefined) format.wrapText = style.wrap;
  if (style.horizontal !== undefined) format.horizontalAlignment = HORIZONTAL[style.horizontal];
  if (style.vertical !== undefined) format.verticalAlignment = VERTICAL[style.vertical];
  if (style.rowHeight !== undefined) format.rowHeight = style.rowHeight;
  if (style.autofitRows) format.autofitRows();
  if (style.bottomBorder !== undefined) {
    // The bottom edge of every cell: the inner horizontal lines and the range's own bottom edge.
    const edges: BorderEdge[] = ["EdgeBottom", ...(step.area.rowCount > 1 ? (["InsideHorizontal"] as const) : [])];
    for (const edge of edges) {
      const border = format.borders.getItem(edge);
      if (style.bottomBorder === "none") border.style = "None";
      else {
        border.style = "Continuous";
        border.weight = style.bottomBorder === "medium" ? "Medium" : "Thin";
      }
    }
  }
  if (style.gridBorders) {
    const edges: BorderEdge[] = [
      "EdgeTop",
      "EdgeBottom",
      "EdgeLeft",
      "EdgeRight",
      ...(step.area.rowCount > 1 ? (["InsideHorizontal"] as const) : []),
      ...(step.area.colCount > 1 ? (["InsideVertical"] as const) : []),
    ];
    for (const edge of edges) {
      const border = format.borders.getItem(edge);
      border.style = "Continuous";
      border.weight = "Thin";
    }
  }
}

// String forms of Excel's enums: this module is imported where the Excel namespace does not exist.
const HORIZONTAL = {
  left: "Left",
  center: "Center",
  right: "Right",
} as const satisfies Record<string, Excel.HorizontalAlignment | `${Excel.HorizontalAlignment}`>;
const VERTICAL = {
  top: "Top",
  center: "Center",
  bottom: "Bottom",
} as const satisfies Record<string, Excel.VerticalAlignment | `${Excel.VerticalAlignment}`>;

/** Points per inch: Office.js margins are in points, the plan's in inches. */
const POINTS_PER_INCH = 72;

function applyPageSetup(ctx: Excel.RequestContext, step: PageSetupStep): void {
  const sheet = ctx.workbook.worksheets.getItem(step.sheet);
  // pageLayout is a navigation property (a proxy object), not a loaded value: nothing is read before the sync.
  // eslint-disable-next-line office-addins/load-object-before-read, office-addins/call-sync-before-read
  const layout = sheet.pageLayout;
  layout.orientation = step.orientation === "landscape" ? "Landscape" : "Portrait";
  layout.paperSize = step.paperSize === "legal" ? "Legal" : "Letter";
  layout.zoom = step.fitTo
    ? { horizontalFitToPages: step.fitTo.wide, verticalFitToPages: step.fitTo.tall }
    : { scale: step.scale ?? 100 };
  const { margins } = step;
  layout.leftMargin = margins.left * POINTS_PER_INCH;
  layout.rightMargin = margins.right * POINTS_PER_INCH;
  layout.topMargin = margins.top * POINTS_PER_INCH;
  layout.bottomMargin = margins.bottom * POINTS_PER_INCH;
  layout.headerMargin = margins.header * POINTS_PER_INCH;
  layout.footerMargin = margins.footer * POINTS_PER_INCH;
  layout.centerHorizontally = step.centerHorizontally ?? false;
  if (step.printArea) layout.setPrintArea(areaAddress(step.printArea));
  if (step.printTitleRows) layout.setPrintTitleRows(`$${step.printTitleRows.first + 1}:$${step.printTitleRows.last + 1}`);
  const texts = layout.headersFooters.defaultForAllPages;
  const put = (text: HeaderFooterText | undefined, place: "Header" | "Footer") => {
    texts[`left${place}`] = text?.left ?? "";
    texts[`center${place}`] = text?.center ?? "";
    texts[`right${place}`] = text?.right ?? "";
  };
  put(step.header, "Header");
  put(step.footer, "Footer");
  sheet.horizontalPageBreaks.removePageBreaks();
  for (const row of step.rowBreaks ?? []) if (row > 0) sheet.horizontalPageBreaks.add(a1Address(row, 0));
}
