import { WorkbookMessages } from "../workbook/messages";
import { IndicatorMessages } from "./messages";
import { DATE_FORMAT } from "../workbook/schema-types";
import { readText } from "../workbook/cell-reading";
import { cellReader, findSheet } from "../workbook/sheet-cells";
import type { CellReader } from "../workbook/sheet-cells";
import { a1Address } from "../workbook/a1";
import type { CellWrite, ChartStep, Plan, PlanStep } from "../workbook/plan";
import { readWorkbookModel } from "../workbook/read-model";
import type { CellValue, SheetSnapshot, WorkbookSnapshot } from "../workbook/snapshot";
import { computeIndicators } from "./compute-indicators";
import type { IndicatorsResult } from "./compute-indicators";
import type { Block, BlockId, PlacedBlock } from "./sheet-layout";
import {
  BLOCKS,
  COMMENT_HEADER,
  INTRO,
  UPDATED_LABEL,
  UPDATED_ROW,
  indicatorBlocks,
  indicatorsSheetName,
  indicatorsTitle,
  placeBlocks,
  rowKey,
} from "./sheet-layout";
import { STAGE_SHORT_LABELS } from "./stages";

export interface IndicatorsPlanOptions {
  year: number;
  /** Today as a serial: the open NCs' reference day and the sheet's "Cifras actualizadas el". */
  today: number;
}

/** A comment or a typed note that has no row of its own any more, kept in the last block. */
interface KeptNote {
  origin: string;
  row: string;
  text: string;
}

/** What the previous generation left on the sheet: its cells and the comments typed next to its rows. */
interface PreviousSheet {
  sheet: SheetSnapshot;
  cells: CellReader;
  /** "row:col" of every cell the previous generation wrote (titles, headers, figures, comments). */
  layout: Set<string>;
  comments: Map<BlockId, Map<string, string>>;
  kept: KeptNote[];
}

const EMPTY_BLOCK_TEXT = IndicatorMessages.emptyBlock;
const CHART_ROWS = 18;
const cellKey = (row: number, col: number): string => `${row}:${col}`;

function blockOfTitle(text: string): BlockId | null {
  for (const [id, title] of Object.entries(BLOCKS) as [BlockId, string][]) {
    if (text === title || text.startsWith(`${title} — `)) return id;
  }
  return null;
}

function readPrevious(sheet: SheetSnapshot): PreviousSheet {
  const cells = cellReader(sheet);
  const layout = new Set<string>();
  const comments = new Map<BlockId, Map<string, string>>();
  const kept: KeptNote[] = [];
  for (let col = 0; col < 2; col++) for (let row = 0; row <= UPDATED_ROW; row++) layout.add(cellKey(row, col));
  const lastRow = sheet.area.row + sheet.area.rowCount - 1;
  for (let row = sheet.area.row; row <= lastRow; row++) {
    const id = blockOfTitle(readText(cells.value(row, 0)));
    if (id === null) continue;
    layout.add(cellKey(row, 0));
    const headers: string[] = [];
    while (readText(cells.value(row + 1, headers.length)) !== "") headers.push(readText(cells.value(row + 1, headers.length)));
    headers.forEach((_, col) => layout.add(cellKey(row + 1, col)));
    const commentCol = headers.indexOf(COMMENT_HEADER);
    const keyColumns = id === "monthAlliance" || id === "kept" ? 2 : 1;
    const found = new Map<string, string>();
    let data = row + 2;
    for (; data <= lastRow; data++) {
      const first = readText(cells.value(data, 0));
      // The kept block, the last one, names other blocks in its first column.
      if (first === "" || (id !== "kept" && blockOfTitle(first) !== null)) break;
      headers.forEach((_, col) => layout.add(cellKey(data, col)));
      const rowCells = headers.map((_, col) => cells.value(data, col));
      const comment = commentCol < 0 ? "" : readText(cells.value(data, commentCol));
      if (comment === "") continue;
      if (id === "kept") kept.push({ origin: first, row: readText(cells.value(data, 1)), text: comment });
      else found.set(rowKey(rowCells, keyColumns), comment);
    }
    comments.set(id, found);
    row = data - 1;
  }
  return { sheet, cells, layout, comments, kept };
}

/** The grid of the sheet: every cell the layout writes (nulls clear old figures), by "row:col". */
class Grid {
  readonly cells = new Map<string, { row: number; col: number; value: CellValue }>();
  set(row: number, col: number, value: CellValue): void {
    this.cells.set(cellKey(row, col), { row, col, value });
  }
}

function sameContent(a: CellValue, b: CellValue): boolean {
  const empty = (v: CellValue) => v === null || v === "";
  if (empty(a) || empty(b)) return empty(a) && empty(b);
  return a === b;
}

function keptBlock(notes: readonly KeptNote[]): Block {
  return {
    id: "kept",
    title: BLOCKS.kept,
    headers: ["Origen", "Fila", COMMENT_HEADER],
    keyColumns: 2,
    formats: {},
    commented: true,
    rows: notes.map((n) => [n.origin, n.row, n.text]),
  };
}

function layOut(blocks: readonly PlacedBlock[], grid: Grid): void {
  for (const block of blocks) {
    grid.set(block.row, 0, block.title);
    block.headers.forEach((header, col) => grid.set(block.row + 1, col, header));
    if (block.rows.length === 0) grid.set(block.row + 2, 0, EMPTY_BLOCK_TEXT);
    block.rows.forEach((cells, i) => cells.forEach((value, col) => grid.set(block.row + 2 + i, col, value)));
  }
}

/** Blocks with the comments typed before put back on their rows; what has no row left goes to `kept`. */
function withComments(blocks: Block[], previous: PreviousSheet | null): { blocks: Block[]; kept: KeptNote[] } {
  if (!previous) return { blocks, kept: [] };
  const kept: KeptNote[] = [];
  const pending = new Map<string, KeptNote>(previous.kept.map((n) => [`${n.origin}|${n.row}`, n]));
  const filled = blocks.map((block) => {
    const typed = previous.comments.get(block.id) ?? new Map<string, string>();
    const used = new Set<string>();
    const rows = block.rows.map((cells) => {
      const key = rowKey(cells, block.keyColumns);
      const title = BLOCKS[block.id];
      const restored = pending.get(`${title}|${key}`);
      let comment = typed.get(key) ?? "";
      if (comment !== "") used.add(key);
      if (restored && comment === "") {
        comment = restored.text;
        pending.delete(`${title}|${key}`);
      }
      return [...cells, comment === "" ? null : comment];
    });
    for (const [key, text] of typed) if (!used.has(key)) kept.push({ origin: BLOCKS[block.id], row: key, text });
    return { ...block, rows };
  });
  return { blocks: filled, kept: [...pending.values(), ...kept] };
}

/** The three charts of the sheet (Excel only; file mode says it cannot draw them). */
function chartSteps(sheet: string, year: number, blocks: readonly PlacedBlock[], result: IndicatorsResult): ChartStep[] {
  const width = Math.max(...blocks.map((b) => b.headers.length));
  const anchorCol = width + 1;
  const find = (id: BlockId) => blocks.find((b) => b.id === id);
  const charts: ChartStep[] = [];
  const pct = find("monthPct");
  if (pct && result.alliances.length > 0) {
    charts.push({
      kind: "chart",
      sheet,
      name: `Cumplimiento mensual ${year}`,
      title: `% a tiempo por mes y aliado — ${year}`,
      chartType: "line",
      categories: { row: pct.row + 2, col: 0, rowCount: pct.rows.length, colCount: 1 },
      values: { row: pct.row + 2, col: 1, rowCount: pct.rows.length, colCount: result.alliances.length },
      seriesNames: result.alliances,
      anchor: { row: pct.row, col: anchorCol },
    });
  }
  const stages = find("stageMedian");
  if (stages && stages.rows.length > 0) {
    const sequential = ["documentos-presentacion", "presentacion-levante", "levante-entrega"] as const;
    charts.push({
      kind: "chart",
      sheet,
      name: `Etapas ${year}`,
      title: IndicatorMessages.stagesChartTitle(year),
      chartType: "barStacked",
      categories: { row: stages.row + 2, col: 0, rowCount: stages.rows.length, colCount: 1 },
      values: { row: stages.row + 2, col: 1, rowCount: stages.rows.length, colCount: sequential.length },
      seriesNames: sequential.map((s) => STAGE_SHORT_LABELS[s]),
      anchor: { row: Math.max(stages.row, (pct?.row ?? 0) + CHART_ROWS), col: anchorCol },
    });
  }
  const ncs = find("ncMonth");
  if (ncs) {
    const totalCol = ncs.headers.indexOf("Total");
    charts.push({
      kind: "chart",
      sheet,
      name: `No conformidades ${year}`,
      title: `No conformidades por mes — ${year}`,
      categories: { row: ncs.row + 2, col: 0, rowCount: ncs.rows.length, colCount: 1 },
      values: { row: ncs.row + 2, col: totalCol, rowCount: ncs.rows.length, colCount: 1 },
      anchor: { row: Math.max(ncs.row, (pct?.row ?? 0) + 2 * CHART_ROWS), col: anchorCol },
    });
  }
  return charts;
}

function formatSteps(sheet: string, blocks: readonly PlacedBlock[]): PlanStep[] {
  const steps: PlanStep[] = [{ kind: "numberFormat", sheet, area: { row: UPDATED_ROW, col: 1, rowCount: 1, colCount: 1 }, format: DATE_FORMAT }];
  for (const block of blocks) {
    if (block.rows.length === 0) continue;
    for (const [col, format] of Object.entries(block.formats)) {
      steps.push({ kind: "numberFormat", sheet, area: { row: block.row + 2, col: Number(col), rowCount: block.rows.length, colCount: 1 }, format });
    }
  }
  return steps;
}

/**
 * "Generar indicadores" (SPEC §7): builds `Indicadores AAAA` — tables of the year's figures one under the other,
 * each row with a «Comentario» cell, and three charts — or refreshes it: the figures are rewritten, every comment
 * follows its row (a comment whose row is gone, or a note typed where a table now grows, moves to the last
 * block), and the charts are redrawn. Planning again against the result yields no steps.
 */
export function planIndicators(snapshot: WorkbookSnapshot, options: IndicatorsPlanOptions): Plan {
  const { year } = options;
  const today = Math.floor(options.today);
  const sheet = indicatorsSheetName(year);
  const result = computeIndicators(readWorkbookModel(snapshot), year, today);
  const existing = findSheet(snapshot, sheet);
  const previous = existing ? readPrevious(existing) : null;
  const { blocks: commented, kept: carried } = withComments(indicatorBlocks(result), previous);

  // A note typed outside the previous layout, where the new layout writes, is moved to the kept block too.
  let kept = carried;
  let placed: PlacedBlock[] = [];
  let grid = new Grid();
  for (let pass = 0; pass < 5; pass++) {
    placed = placeBlocks(kept.length > 0 ? [...commented, keptBlock(kept)] : commented);
    grid = new Grid();
    layOut(placed, grid);
    if (!previous) break;
    const overwritten: KeptNote[] = [];
    for (const { row, col, value } of grid.cells.values()) {
      const old = previous.cells.content(row, col);
      if (!previous.layout.has(cellKey(row, col)) && !sameContent(old, null) && !sameContent(old, value)) {
        overwritten.push({ origin: `Celda ${a1Address(row, col)}`, row: "", text: String(old) });
        previous.layout.add(cellKey(row, col));
      }
    }
    if (overwritten.length === 0) break;
    kept = [...kept, ...overwritten];
  }
  const oldDate = previous?.cells.value(UPDATED_ROW, 1) ?? null;
  grid.set(0, 0, indicatorsTitle(year));
  grid.set(1, 0, INTRO);
  grid.set(UPDATED_ROW, 0, UPDATED_LABEL);
  grid.set(UPDATED_ROW, 1, typeof oldDate === "number" ? oldDate : today);

  const writes: CellWrite[] = [];
  if (previous) {
    const targets = new Map(grid.cells);
    for (const key of previous.layout) {
      if (!targets.has(key)) {
        const [row = 0, col = 0] = key.split(":").map(Number);
        targets.set(key, { row, col, value: null });
      }
    }
    for (const { row, col, value } of targets.values()) {
      const old = previous.cells.content(row, col);
      if (!sameContent(old, value)) writes.push({ row, col, value, expected: old });
    }
    const dateWrite = writes.find((w) => w.row === UPDATED_ROW && w.col === 1);
    if (writes.length > 0 && !dateWrite && oldDate !== today) writes.push({ row: UPDATED_ROW, col: 1, value: today, expected: previous.cells.content(UPDATED_ROW, 1) });
  } else {
    for (const { row, col, value } of grid.cells.values()) if (value !== null && value !== "") writes.push({ row, col, value, expected: null });
  }
  writes.sort((a, b) => a.row - b.row || a.col - b.col);

  const notes: string[] = [];
  if (previous && writes.length === 0) {
    return { steps: [], notes: [WorkbookMessages.sheetUpToDate(sheet)] };
  }
  const steps: PlanStep[] = [];
  if (!previous) steps.push({ kind: "addSheet", sheet });
  steps.push({ kind: "writeCells", sheet, cells: writes }, ...formatSteps(sheet, placed));
  if (!previous) {
    const widths = [24, 34, 12, 12, 12, 12, 14, 14, 40];
    widths.forEach((width, col) => steps.push({ kind: "columnWidth", sheet, col, width }));
  }
  steps.push(...chartSteps(sheet, year, placed, result));
  steps.push({ kind: "activate", sheet, cell: { row: 0, col: 0 } });
  notes.push(
    previous
      ? IndicatorMessages.refreshed(sheet)
      : IndicatorMessages.created(sheet, result.total.opened, result.nonconformities.total),
  );
  const moved = kept.length - (previous?.kept.length ?? 0);
  if (moved > 0) notes.push(IndicatorMessages.notesMoved(moved, BLOCKS.kept));
  return { steps, notes };
}
