import { EvaluationMessages } from "./messages";
import { DATE_FORMAT } from "../workbook/schema-types";
import { formatSerial } from "../calendar";
import type { CellWrite, PageSetupStep, PlanStep } from "../workbook/plan";
import type { GridArea } from "../workbook/snapshot";
import type { CellValue } from "../workbook/snapshot";
import type { AllianceEvaluation } from "./compute-evaluation";
import type { EvaluationColumn, EvaluationColumnKey } from "./sheet-layout";
import {
  GENERATED_ROW,
  HEADER_ROW,
  INSTRUCTIONS_ROW,
  RECORD_NAME,
  SIGNATURE_LINE_COLUMNS,
  SIGNATURE_ROW_HEIGHT,
  SIGNATURE_ROWS,
  SUBTITLE_ROW,
  TITLE_ROW,
  UPDATED_ROW,
  WRAPPED_KEYS,
} from "./sheet-layout";

/** Colours of the printed record (the table style's dark blue). */
export const TITLE_COLOR = "#1F4E78";
const MUTED_COLOR = "#595959";
/** Height of the evaluation's header row, in points: five wrapped lines. */
export const HEADER_ROW_HEIGHT = 66;
/** Margins of the printed records, in inches. */
export const RECORD_MARGINS = { left: 0.4, right: 0.4, top: 0.75, bottom: 0.6, header: 0.3, footer: 0.3 } as const;

const cell = (row: number, col: number, rowCount = 1, colCount = 1): GridArea => ({ row, col, rowCount, colCount });

/** Styles of the title block and the header row of a new `Evaluación AAAA` sheet of `colCount` columns. */
export function titleStyleSteps(sheet: string, colCount: number): PlanStep[] {
  return [
    { kind: "cellStyle", sheet, area: cell(TITLE_ROW, 0), style: { bold: true, fontSize: 16, fontColor: TITLE_COLOR, rowHeight: 24 } },
    { kind: "cellStyle", sheet, area: cell(SUBTITLE_ROW, 0), style: { italic: true, fontColor: MUTED_COLOR } },
    {
      kind: "cellStyle",
      sheet,
      area: cell(SUBTITLE_ROW, 0, 1, colCount),
      style: { bottomBorder: "medium" },
    },
    { kind: "cellStyle", sheet, area: cell(GENERATED_ROW, 0, UPDATED_ROW - GENERATED_ROW + 1, 1), style: { bold: true } },
    {
      kind: "cellStyle",
      sheet,
      area: cell(GENERATED_ROW, 1, UPDATED_ROW - GENERATED_ROW + 1, 1),
      style: { horizontal: "left" },
    },
    { kind: "cellStyle", sheet, area: cell(INSTRUCTIONS_ROW, 0), style: { italic: true, fontSize: 9, fontColor: MUTED_COLOR } },
    {
      kind: "cellStyle",
      sheet,
      area: cell(HEADER_ROW, 0, 1, colCount),
      style: { bold: true, wrap: true, vertical: "center", horizontal: "center", rowHeight: HEADER_ROW_HEIGHT },
    },
  ];
}

/** Points per printed line of 11-pt text. */
const LINE_HEIGHT = 15;
/** Characters of proportional text per unit of column width (widths count the digit "0"). */
const CHARS_PER_WIDTH = 1.1;

/** Lines a text needs in a wrapped column `width` characters wide (a word never splits across lines). */
export function wrappedLines(text: string, width: number): number {
  const perLine = Math.max(1, Math.floor(width * CHARS_PER_WIDTH) - 1);
  let lines = 1;
  let used = 0;
  for (const word of text.split(/\s+/).filter((w) => w !== "")) {
    const length = Math.min(word.length, perLine);
    if (used > 0 && used + 1 + length > perLine) {
      lines++;
      used = length;
    } else used += used > 0 ? 1 + length : length;
  }
  return lines;
}

/** A data row's texts in its wrapped columns, and the fewest lines it should keep (room for Decisión). */
export interface RowText {
  texts: Partial<Record<EvaluationColumnKey, string>>;
  minimumLines: number;
}

/**
 * Data rows: text columns wrap (a long alliance name is never cut), every cell aligned to the top, each row as tall
 * as its longest text. A file reader keeps the height; Excel fits it again to what the row holds.
 */
export function dataRowStyleSteps(
  sheet: string,
  columns: ReadonlyMap<EvaluationColumnKey, number>,
  widths: ReadonlyMap<number, number>,
  colCount: number,
  firstRow: number,
  rows: readonly RowText[],
): PlanStep[] {
  if (rows.length === 0) return [];
  const steps: PlanStep[] = [
    { kind: "cellStyle", sheet, area: cell(firstRow, 0, rows.length, colCount), style: { vertical: "top" } },
  ];
  for (const key of WRAPPED_KEYS) {
    const col = columns.get(key);
    if (col !== undefined) steps.push({ kind: "cellStyle", sheet, area: cell(firstRow, col, rows.length, 1), style: { wrap: true } });
  }
  rows.forEach((row, i) => {
    let lines = row.minimumLines;
    for (const [key, text] of Object.entries(row.texts) as [EvaluationColumnKey, string][]) {
      const col = columns.get(key);
      if (col !== undefined) lines = Math.max(lines, wrappedLines(text, widths.get(col) ?? 10));
    }
    steps.push({ kind: "cellStyle", sheet, area: cell(firstRow + i, 0), style: { rowHeight: lines * LINE_HEIGHT, autofitRows: true } });
  });
  return steps;
}

/** Label cells of the signature block starting at `row`; names and dates are typed right of "Nombre" and "Fecha". */
export function signatureLabelWrites(row: number, col: number): CellWrite[] {
  return SIGNATURE_ROWS.flatMap((label, i) => (label === "" ? [] : [{ row: row + i, col, value: label, expected: null }]));
}

export const signatureBlockHeight = SIGNATURE_ROWS.length;

/** Lines to write and sign on, bold section titles, room for the signature and the date format. */
export function signatureStyleSteps(sheet: string, row: number, col: number): PlanStep[] {
  const steps: PlanStep[] = [];
  SIGNATURE_ROWS.forEach((label, i) => {
    const r = row + i;
    if (label === "Nombre" || label === "Firma" || label === "Fecha") {
      steps.push({ kind: "cellStyle", sheet, area: cell(r, col + 1, 1, SIGNATURE_LINE_COLUMNS), style: { bottomBorder: "thin", vertical: "bottom" } });
      if (label === "Firma") steps.push({ kind: "cellStyle", sheet, area: cell(r, col, 1, 1), style: { rowHeight: SIGNATURE_ROW_HEIGHT, vertical: "bottom" } });
      if (label === "Fecha") {
        steps.push({ kind: "numberFormat", sheet, area: cell(r, col + 1), format: DATE_FORMAT });
        steps.push({ kind: "cellStyle", sheet, area: cell(r, col + 1), style: { horizontal: "left" } });
      }
    } else if (label !== "") {
      steps.push({ kind: "cellStyle", sheet, area: cell(r, col), style: { bold: true, fontColor: TITLE_COLOR } });
    }
  });
  return steps;
}

/** Undoes the signature styles at a block's old place (its lines, bold titles and taller rows). */
export function clearSignatureStyleSteps(sheet: string, rows: readonly number[], col: number): PlanStep[] {
  return rows.flatMap((r): PlanStep[] => [
    { kind: "cellStyle", sheet, area: cell(r, col, 1, SIGNATURE_LINE_COLUMNS + 1), style: { bottomBorder: "none", bold: false } },
    { kind: "cellStyle", sheet, area: cell(r, col), style: { rowHeight: 15 } },
  ]);
}

/**
 * `Evaluación AAAA` prints as a record: landscape, every column on one page wide, the header row on every page,
 * the record's name and year on top, "Página N de M" and the generation date below.
 */
export function evaluationPageSetup(sheet: string, year: number, colCount: number, lastRow: number, generated: number | null): PageSetupStep {
  return {
    kind: "pageSetup",
    sheet,
    orientation: "landscape",
    // Oficio/Legal: the 23–26 columns on one page wide stay legible.
    paperSize: "legal",
    fitTo: { wide: 1, tall: 0 },
    printTitleRows: { first: HEADER_ROW, last: HEADER_ROW },
    printArea: { row: 0, col: 0, rowCount: lastRow + 1, colCount },
    header: { center: `${RECORD_NAME} — ${year}`, right: EvaluationMessages.printHeaderRight },
    footer: {
      left: generated === null ? "" : `Generada el ${formatSerial(generated)}`,
      center: "Página &P de &N",
      right: "Control de Alianzas",
    },
    margins: { ...RECORD_MARGINS },
    centerHorizontally: true,
  };
}

/** What a row shows in its wrapped columns; a row with DOs keeps two lines for the Decisión typed C4/C5 bring. */
export function rowText(alliance: AllianceEvaluation, decision: CellValue): RowText {
  return {
    texts: {
      alliance: alliance.alliance,
      cities: alliance.cities.join("; "),
      status: alliance.status,
      decision: typeof decision === "string" ? decision : "",
    },
    minimumLines: alliance.operations > 0 ? 2 : 1,
  };
}

/** Column widths of a new sheet: Aliado and Ciudades as wide as their longest text (within bounds), so names print whole. */
export function columnWidths(layout: readonly EvaluationColumn[], alliances: readonly AllianceEvaluation[]): Map<number, number> {
  const longest = (texts: string[]) => Math.max(0, ...texts.map((t) => t.length));
  const widths = new Map<number, number>();
  layout.forEach((column, col) => {
    let width = column.width;
    if (column.key === "alliance") width = Math.min(40, Math.max(width, longest(alliances.map((a) => a.alliance)) + 2));
    if (column.key === "cities") width = Math.min(28, Math.max(width, longest(alliances.map((a) => a.cities.join("; "))) + 2));
    widths.set(col, width);
  });
  return widths;
}
