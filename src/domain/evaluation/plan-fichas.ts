import { formatSerial, serialFromYmd } from "../calendar";
import type { CellWrite, PageSetupStep, PlanStep } from "../workbook/plan";
import type { CellValue, GridArea, WorkbookSnapshot } from "../workbook/snapshot";
import { sameFormula } from "../workbook/formula-text";
import type { AllianceEvaluation, ManualInputs } from "./compute-evaluation";
import type { PreviousEvaluation } from "./history";
import { previousResultOf, reevaluationStatus } from "./history";
import type { BandSource, WeightSource } from "./parameter-sources";
import { RECORD_MARGINS, TITLE_COLOR } from "./print-layout";
import { formulaResult, measuredValue, sameValue } from "./row-values";
import type { EvaluationColumnKey } from "./sheet-layout";
import { APPROVED_BY, EVALUATED_BY, SIGNATURE_ROW_HEIGHT, columnByKey, evaluationSheetName, evaluationTableName } from "./sheet-layout";
import { readText } from "../workbook/cell-reading";
import { cellReader, findSheet } from "../workbook/sheet-cells";
import { columnRef } from "./structured-refs";
import { sameText, textKey } from "./text-key";
import type { StageFigures } from "../indicators/compute-indicators";
import { STAGES, STAGE_SHORT_LABELS } from "../indicators/stages";
import { EvaluationMessages } from "./messages";

/** One page per alliance, to file and to send to the partner: `Fichas AAAA`, a block of rows per alliance. */
export const fichasSheetName = (year: number): string => `Fichas ${year}`;
/** Rows of one ficha; a manual page break starts each one on its own page. */
export const FICHA_ROWS = 42;
const FICHA_WIDTHS = [28, 14, 14, 14, 14];
const NAME_ROW = 1;
const NAME_COL = 1;

const MEASURED: readonly EvaluationColumnKey[] = [
  "operations",
  "measured",
  "onTime",
  "onTimePct",
  "avgServiceDays",
  "nonconformities",
  "ncPer100",
  "complaints",
  "closedEffectivePct",
];
const CRITERIA = ["c1", "c2", "c3", "c4", "c5"] as const;
const SECTION_FILL = "#DDEBF7";

export interface FichaContext {
  year: number;
  today: number;
  alliances: readonly AllianceEvaluation[];
  weights: WeightSource;
  bands: BandSource;
  previous: PreviousEvaluation | null;
  /** What the evaluator typed in `Evaluación AAAA` (observations, improvement plan), by alliance. */
  inputs: (alliance: string) => ManualInputs;
  /** Header text of each evaluation column as the table spells it; null when the table lacks the column. */
  header: (key: EvaluationColumnKey) => string | null;
  /** Median and P90 of each stage per alliance, over the DOs opened in the year (the indicators' figures). */
  stages: readonly StageFigures[];
}

/** Where the stage breakdown sits: beside the measured figures, columns C–E. */
const STAGE_COL = 2;
const STAGE_TOP = 7;

const days = (n: number | null): string => (n === null ? "—" : n.toLocaleString("es-CO", { maximumFractionDigits: 1 }));

interface FichaCell {
  row: number;
  col: number;
  value?: CellValue;
  formula?: string;
  result?: CellValue;
}

/** `=IFERROR(IF(INDEX(col,MATCH(name,Aliado,0))="","",INDEX(…)),"")`: this alliance's cell of the evaluation, live. */
function lookup(ctx: FichaContext, key: EvaluationColumnKey, nameCell: string): string | null {
  const table = evaluationTableName(ctx.year);
  const column = ctx.header(key);
  const alliance = ctx.header("alliance");
  if (column === null || alliance === null) return null;
  const at = `INDEX(${columnRef(table, column)},MATCH(${nameCell},${columnRef(table, alliance)},0))`;
  return `=IFERROR(IF(${at}="","",${at}),"")`;
}

const blankIfNull = (value: CellValue): CellValue => (value === null ? "" : value);

/** The cells of one ficha starting at `top` (labels, live lookups with their current results, the previous year). */
function fichaCells(ctx: FichaContext, a: AllianceEvaluation, top: number): { cells: FichaCell[]; formats: { row: number; format: string }[] } {
  const nameCell = `$B$${top + NAME_ROW + 1}`;
  const cells: FichaCell[] = [];
  const formats: { row: number; format: string }[] = [];
  const put = (row: number, col: number, cell: Omit<FichaCell, "row" | "col">) => cells.push({ row: top + row, col, ...cell });
  /** A live lookup of the evaluation, or its current value when the evaluation table lacks that column. */
  const lookupAt = (row: number, col: number, key: EvaluationColumnKey, result: CellValue) => {
    const formula = lookup(ctx, key, nameCell);
    put(row, col, formula === null ? { value: blankIfNull(result) } : { formula, result: blankIfNull(result) });
  };
  const live = (row: number, key: EvaluationColumnKey, result: CellValue) => lookupAt(row, 1, key, result);
  const inputs = ctx.inputs(a.alliance);

  put(0, 0, { value: EvaluationMessages.fichaTitle(ctx.year) });
  put(NAME_ROW, 0, { value: "Aliado" });
  put(NAME_ROW, NAME_COL, { value: a.alliance });
  put(2, 0, { value: "Ciudades" });
  live(2, "cities", a.cities.join("; "));
  put(3, 0, { value: "Estado en Alianzas" });
  live(3, "status", a.status);
  put(4, 0, { value: "Período evaluado" });
  put(4, 1, { value: `${formatSerial(serialFromYmd(ctx.year, 1, 1))} – ${formatSerial(serialFromYmd(ctx.year, 12, 31))}` });

  put(6, 0, { value: "Cifras medidas" });
  MEASURED.forEach((key, i) => {
    const column = columnByKey(key);
    put(7 + i, 0, { value: column.header });
    live(7 + i, key, measuredValue(key, a));
    if (column.numberFormat) formats.push({ row: top + 7 + i, format: column.numberFormat });
  });

  // Where the time goes: median / P90 business days of each stage, so a partner sees which step is slow.
  put(6, STAGE_COL, { value: EvaluationMessages.fichaStagesTitle });
  put(STAGE_TOP, STAGE_COL, { value: "Etapa" });
  put(STAGE_TOP, STAGE_COL + 2, { value: "Mediana / P90" });
  const figures = ctx.stages.filter((f) => sameText(f.alliance, a.alliance));
  [...STAGES, "total" as const].forEach((stage, i) => {
    const figure = figures.find((f) => f.stage === stage);
    put(STAGE_TOP + 1 + i, STAGE_COL, { value: STAGE_SHORT_LABELS[stage] });
    put(STAGE_TOP + 1 + i, STAGE_COL + 2, { value: figure && figure.count > 0 ? `${days(figure.median)} / ${days(figure.p90)}` : "—" });
  });
  const measuredCount = figures.find((f) => f.stage === "total")?.count ?? 0;
  put(STAGE_TOP + 2 + STAGES.length, STAGE_COL, {
    value: EvaluationMessages.fichaMeasured(measuredCount, ctx.year),
  });

  put(17, 0, { value: "Criterio" });
  put(17, 1, { value: "Peso" });
  put(17, 2, { value: "Puntaje (1 a 5)" });
  CRITERIA.forEach((key, i) => {
    put(18 + i, 0, { value: columnByKey(key).header });
    const term = ctx.weights.terms[key];
    if (/^[\d.]+$/.test(term)) put(18 + i, 1, { value: Number(term) });
    else put(18 + i, 1, { formula: `=${term}`, result: ctx.weights.values[key] });
    lookupAt(18 + i, 2, key, a.scores[key]);
  });
  put(23, 0, { value: "Criterio excluyente" });
  lookupAt(23, 1, "excluding", a.excluding ? "Sí" : inputs.excluding === false ? "No" : "");
  put(24, 0, { value: "Puntaje (0 a 100)" });
  live(24, "score", formulaResult("score", a, ctx.bands, ctx.previous));
  formats.push({ row: top + 24, format: "0.00" });
  put(25, 0, { value: "Calificación" });
  live(25, "rating", formulaResult("rating", a, ctx.bands, ctx.previous));
  put(26, 0, { value: "Decisión" });
  live(26, "decision", formulaResult("decision", a, ctx.bands, ctx.previous));

  put(28, 0, { value: `Resultado del año anterior (${ctx.year - 1})` });
  const before = previousResultOf(ctx.previous, a.alliance);
  let previousText = EvaluationMessages.fichaNoPreviousSheet(evaluationSheetName(ctx.year - 1));
  if (ctx.previous && !before) previousText = EvaluationMessages.fichaNotInPrevious(ctx.previous.sheet);
  if (before) {
    const score = before.score === null ? "sin puntaje" : `puntaje ${before.score.toFixed(2).replace(".", ",")}`;
    previousText = `${score} · ${before.rating ?? "sin calificación"}${before.decision ? ` · ${before.decision}` : ""}`;
  }
  put(29, 0, { value: previousText });
  const due = reevaluationStatus(ctx.previous, before, ctx.today);
  if (due) {
    put(30, 0, {
      value: due.overdue
        ? EvaluationMessages.reevaluationOverdue(formatSerial(due.due), ctx.year - 1)
        : EvaluationMessages.reevaluationPending(formatSerial(due.due), ctx.year - 1),
    });
  }

  put(32, 0, { value: "Observaciones" });
  lookupAt(33, 0, "notes", inputs.notes ?? "");
  put(34, 0, { value: "Plan de mejora" });
  lookupAt(35, 0, "improvementPlan", inputs.improvementPlan ?? "");

  put(37, 0, { value: EVALUATED_BY });
  put(37, 2, { value: APPROVED_BY });
  ["Nombre", "Firma", "Fecha"].forEach((label, i) => {
    put(38 + i, 0, { value: label });
    put(38 + i, 2, { value: label });
  });
  return { cells, formats };
}

function fichaStyles(sheet: string, top: number): PlanStep[] {
  const area = (row: number, col: number, rowCount = 1, colCount = 1): GridArea => ({ row: top + row, col, rowCount, colCount });
  const width = FICHA_WIDTHS.length;
  const section = (row: number): PlanStep => ({
    kind: "cellStyle",
    sheet,
    area: area(row, 0, 1, width),
    style: { bold: true, fill: SECTION_FILL, fontColor: TITLE_COLOR },
  });
  return [
    { kind: "cellStyle", sheet, area: area(0, 0), style: { bold: true, fontSize: 14, fontColor: TITLE_COLOR, rowHeight: 22 } },
    { kind: "cellStyle", sheet, area: area(0, 0, 1, width), style: { bottomBorder: "medium" } },
    // Name, cities and status span the page and wrap: a long name stays on the ficha's page.
    { kind: "cellStyle", sheet, area: area(NAME_ROW, NAME_COL, 1, width - 1), style: { merge: true, wrap: true, bold: true, fontSize: 12, rowHeight: 32, vertical: "top" } },
    { kind: "cellStyle", sheet, area: area(2, 1, 1, width - 1), style: { merge: true, wrap: true, vertical: "top" } },
    { kind: "cellStyle", sheet, area: area(3, 1, 1, width - 1), style: { merge: true } },
    { kind: "cellStyle", sheet, area: area(1, 0, 4, 1), style: { bold: true, vertical: "top" } },
    section(6),
    { kind: "cellStyle", sheet, area: area(7, 0, MEASURED.length, 2), style: { gridBorders: true } },
    { kind: "cellStyle", sheet, area: area(7, 1, MEASURED.length, 1), style: { horizontal: "right" } },
    { kind: "cellStyle", sheet, area: area(STAGE_TOP, STAGE_COL, STAGES.length + 2, 3), style: { gridBorders: true } },
    ...Array.from({ length: STAGES.length + 2 }, (_, i): PlanStep => ({ kind: "cellStyle", sheet, area: area(STAGE_TOP + i, STAGE_COL, 1, 2), style: { merge: true } })),
    { kind: "cellStyle", sheet, area: area(STAGE_TOP, STAGE_COL, 1, 3), style: { bold: true } },
    { kind: "cellStyle", sheet, area: area(STAGE_TOP, STAGE_COL + 2, STAGES.length + 2, 1), style: { horizontal: "right" } },
    { kind: "cellStyle", sheet, area: area(STAGE_TOP + 2 + STAGES.length, STAGE_COL), style: { italic: true, fontColor: "#595959" } },
    section(17),
    { kind: "cellStyle", sheet, area: area(18, 0, 6, 3), style: { gridBorders: true } },
    { kind: "cellStyle", sheet, area: area(18, 1, 6, 2), style: { horizontal: "right" } },
    { kind: "cellStyle", sheet, area: area(24, 0, 3, 1), style: { bold: true } },
    ...[24, 25, 26].map((row): PlanStep => ({
      kind: "cellStyle",
      sheet,
      area: area(row, 1, 1, width - 1),
      style: { merge: true, bold: true, bottomBorder: "thin", horizontal: "left" },
    })),
    section(28),
    { kind: "cellStyle", sheet, area: area(30, 0), style: { bold: true, fontColor: "#9C0006" } },
    section(32),
    { kind: "cellStyle", sheet, area: area(33, 0, 1, width), style: { merge: true, wrap: true, vertical: "top", rowHeight: 48 } },
    section(34),
    { kind: "cellStyle", sheet, area: area(35, 0, 1, width), style: { merge: true, wrap: true, vertical: "top", rowHeight: 48 } },
    { kind: "cellStyle", sheet, area: area(37, 0, 1, width), style: { bold: true, fontColor: TITLE_COLOR } },
    { kind: "cellStyle", sheet, area: area(38, 1, 3, 1), style: { bottomBorder: "thin" } },
    { kind: "cellStyle", sheet, area: area(38, 3, 3, 2), style: { bottomBorder: "thin" } },
    { kind: "cellStyle", sheet, area: area(39, 0), style: { rowHeight: SIGNATURE_ROW_HEIGHT, vertical: "bottom" } },
    { kind: "numberFormat", sheet, area: area(18, 1, 5, 1), format: "0%" },
    { kind: "numberFormat", sheet, area: area(40, 1), format: "dd/mm/yyyy" },
    { kind: "numberFormat", sheet, area: area(40, 3), format: "dd/mm/yyyy" },
  ];
}

function fichasPageSetup(sheet: string, year: number, blocks: number): PageSetupStep {
  return {
    kind: "pageSetup",
    sheet,
    orientation: "portrait",
    paperSize: "letter",
    // Manual breaks need a fixed scale: Excel ignores them while fitting to pages.
    scale: 85,
    printArea: { row: 0, col: 0, rowCount: blocks * FICHA_ROWS, colCount: FICHA_WIDTHS.length },
    rowBreaks: Array.from({ length: blocks - 1 }, (_, i) => (i + 1) * FICHA_ROWS),
    header: { center: EvaluationMessages.fichasPrintHeader(year), right: "Ficha por aliado" },
    footer: { left: "Impresa el &D", center: "Página &P de &N", right: "Control de Alianzas" },
    margins: { ...RECORD_MARGINS },
    centerHorizontally: true,
  };
}

/**
 * `Fichas AAAA`: one page per alliance, generated with the evaluation. Its figures are live lookups on the evaluation
 * table, so C4/C5 typed there show at once; refreshing rewrites only lookups that differ, adds fichas for new
 * alliances at the end and never writes what was typed in a ficha (the names and dates of the signatures).
 */
export function planFichas(snapshot: WorkbookSnapshot, ctx: FichaContext): { steps: PlanStep[]; notes: string[] } {
  const sheetName = fichasSheetName(ctx.year);
  const sheet = findSheet(snapshot, sheetName);
  const steps: PlanStep[] = [];
  const notes: string[] = [];
  const existing = new Map<string, number>();
  let blocks = 0;
  const reader = sheet ? cellReader(sheet) : null;
  if (sheet && reader) {
    const lastRow = sheet.area.row + sheet.area.rowCount - 1;
    for (let top = 0; top <= lastRow; top += FICHA_ROWS) {
      const name = readText(reader.value(top + NAME_ROW, NAME_COL));
      if (name === "") break;
      if (!existing.has(textKey(name))) existing.set(textKey(name), top);
      blocks++;
    }
  }
  const content = (row: number, col: number): CellValue => reader?.content(row, col) ?? null;
  const writes: CellWrite[] = [];
  const added: AllianceEvaluation[] = [];
  const styles: PlanStep[] = [];
  const formats: PlanStep[] = [];
  for (const alliance of ctx.alliances) {
    const known = existing.get(textKey(alliance.alliance));
    const top = known ?? blocks * FICHA_ROWS;
    if (known === undefined) {
      added.push(alliance);
      blocks++;
    }
    const ficha = fichaCells(ctx, alliance, top);
    for (const cell of ficha.cells) {
      if (known !== undefined && cell.row === top + NAME_ROW && cell.col === NAME_COL) continue;
      const now = content(cell.row, cell.col);
      const unchanged =
        cell.formula !== undefined
          ? sameFormula(reader?.formula(cell.row, cell.col), cell.formula) && sameValue(reader?.value(cell.row, cell.col) ?? null, cell.result ?? null)
          : reader?.formula(cell.row, cell.col) === null && sameValue(reader.value(cell.row, cell.col), cell.value ?? null);
      if (known !== undefined && unchanged) continue;
      const expected = known === undefined ? null : now;
      writes.push(
        cell.formula !== undefined
          ? { row: cell.row, col: cell.col, formula: cell.formula, result: cell.result ?? null, expected }
          : { row: cell.row, col: cell.col, value: cell.value ?? null, expected },
      );
    }
    if (known === undefined) {
      styles.push(...fichaStyles(sheetName, top));
      for (const f of ficha.formats) formats.push({ kind: "numberFormat", sheet: sheetName, area: { row: f.row, col: 1, rowCount: 1, colCount: 1 }, format: f.format });
    }
  }
  if (writes.length === 0 && added.length === 0) return { steps, notes };
  if (!sheet) {
    steps.push({ kind: "addSheet", sheet: sheetName });
    FICHA_WIDTHS.forEach((width, col) => steps.push({ kind: "columnWidth", sheet: sheetName, col, width }));
  }
  if (writes.length > 0) steps.push({ kind: "writeCells", sheet: sheetName, cells: writes });
  steps.push(...formats, ...styles);
  if (added.length > 0) steps.push(fichasPageSetup(sheetName, ctx.year, blocks));
  notes.push(
    sheet
      ? added.length > 0
        ? EvaluationMessages.fichasAdded(sheetName, added.map((a) => a.alliance))
        : EvaluationMessages.fichasRefreshed(sheetName)
      : EvaluationMessages.fichasCreated(sheetName, added.length),
  );
  return { steps, notes };
}
