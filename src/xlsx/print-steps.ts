import { LAST_COLUMN_INDEX, type RowBreak } from "./row-breaks";
import type { Alignment, Borders, Fill, Font, PageSetup, PaperSize, Workbook, Worksheet } from "exceljs";
import type { CellStyleStep, HeaderFooterText, PageSetupStep } from "../domain/workbook/plan";
import { a1Address, columnLetters } from "../domain/workbook/a1";
import type { GridArea } from "../domain/workbook/snapshot";
import { cellAt } from "./exceljs-internals";

/** "#1F4E78" → "FF1F4E78" (ExcelJS wants ARGB). */
function argb(color: string): string {
  const hex = color.replace(/^#/, "").toUpperCase();
  return hex.length === 6 ? `FF${hex}` : hex;
}

// ExcelJS's PaperSize enum is a const enum of its typings only; 1 is Letter and 5 Legal in the file format.
const PAPER_SIZES: Record<PageSetupStep["paperSize"], PaperSize> = { letter: 1 as PaperSize, legal: 5 as PaperSize };

/** ExcelJS keeps manual row breaks here; its typings omit the property. */
type WithRowBreaks = Worksheet & { rowBreaks: RowBreak[] };

export function applyCellStyle(ws: Worksheet, step: CellStyleStep): void {
  const { area, style } = step;
  if (style.merge && (area.rowCount > 1 || area.colCount > 1)) {
    const top = a1Address(area.row, area.col);
    const bottom = a1Address(area.row + area.rowCount - 1, area.col + area.colCount - 1);
    if (!cellAt(ws, area.row, area.col).isMerged) ws.mergeCells(`${top}:${bottom}`);
  }
  for (let r = area.row; r < area.row + area.rowCount; r++) {
    if (style.rowHeight !== undefined) ws.getRow(r + 1).height = style.rowHeight;
    for (let c = area.col; c < area.col + area.colCount; c++) {
      const cell = cellAt(ws, r, c);
      // ExcelJS may share one style object between cells: replace the parts instead of mutating them.
      const font: Partial<Font> = { ...cell.font };
      if (style.bold !== undefined) font.bold = style.bold;
      if (style.italic !== undefined) font.italic = style.italic;
      if (style.fontSize !== undefined) font.size = style.fontSize;
      if (style.fontColor !== undefined) font.color = { argb: argb(style.fontColor) };
      const alignment: Partial<Alignment> = { ...cell.alignment };
      if (style.wrap !== undefined) alignment.wrapText = style.wrap;
      if (style.horizontal !== undefined) alignment.horizontal = style.horizontal;
      if (style.vertical !== undefined) alignment.vertical = style.vertical === "center" ? "middle" : style.vertical;
      const border: Partial<Borders> = { ...cell.border };
      if (style.bottomBorder === "none") delete border.bottom;
      else if (style.bottomBorder !== undefined) border.bottom = { style: style.bottomBorder };
      if (style.gridBorders) {
        for (const edge of ["top", "left", "bottom", "right"] as const) border[edge] = { style: "thin" };
      }
      const next: Partial<typeof cell.style> = { ...cell.style, font, alignment, border };
      if (style.fill === null) delete next.fill;
      else if (style.fill !== undefined) {
        const fill: Fill = { type: "pattern", pattern: "solid", fgColor: { argb: argb(style.fill) } };
        next.fill = fill;
      }
      cell.style = next;
    }
  }
}

/** ExcelJS's header/footer string: &L…&C…&R… sections. */
function headerFooterText(text: HeaderFooterText | undefined): string | undefined {
  if (!text) return undefined;
  const parts = [
    text.left ? `&L${text.left}` : "",
    text.center ? `&C${text.center}` : "",
    text.right ? `&R${text.right}` : "",
  ].join("");
  return parts === "" ? undefined : parts;
}

/**
 * "A$1:W$25": ExcelJS puts a "$" before each corner when it writes _xlnm.Print_Area, so the rows carry their own
 * and the name comes out fully absolute ($A$1:$W$25), as Excel writes it.
 */
function printAreaText(area: GridArea): string {
  const corner = (row: number, col: number) => `${columnLetters(col)}$${row + 1}`;
  return `${corner(area.row, area.col)}:${corner(area.row + area.rowCount - 1, area.col + area.colCount - 1)}`;
}

export function applyPageSetup(ws: Worksheet, step: PageSetupStep): void {
  const { margins } = step;
  const setup: Partial<PageSetup> = {
    ...ws.pageSetup,
    orientation: step.orientation,
    paperSize: PAPER_SIZES[step.paperSize],
    margins: { ...margins },
    horizontalCentered: step.centerHorizontally ?? false,
    printArea: step.printArea ? printAreaText(step.printArea) : undefined,
    printTitlesRow: step.printTitleRows ? `${step.printTitleRows.first + 1}:${step.printTitleRows.last + 1}` : undefined,
  };
  if (step.fitTo) {
    setup.fitToPage = true;
    setup.fitToWidth = step.fitTo.wide;
    setup.fitToHeight = step.fitTo.tall;
  } else {
    setup.fitToPage = false;
    setup.scale = step.scale ?? 100;
  }
  ws.pageSetup = setup;
  ws.headerFooter = {
    differentFirst: false,
    differentOddEven: false,
    oddHeader: headerFooterText(step.header),
    oddFooter: headerFooterText(step.footer),
  };
  // Written as <brk> entries directly: ExcelJS's Row.addPageBreak() writes max="16838", past the last column.
  (ws as WithRowBreaks).rowBreaks = (step.rowBreaks ?? [])
    .filter((row) => row > 0)
    // A break "at row n" in the file sits under row n (1-based); the page that follows starts at the step's row.
    .map((row) => ({ id: row, max: LAST_COLUMN_INDEX, man: 1 }));
}

/**
 * A print area ExcelJS read from a file comes back as "A1:W25" and would be saved as the half-relative "$A1:$W25";
 * rewritten so that every sheet's print area is saved absolute.
 */
export function normalizePrintAreas(wb: Workbook): void {
  for (const ws of wb.worksheets) {
    const area = ws.pageSetup?.printArea;
    if (!area) continue;
    ws.pageSetup.printArea = area
      .split("&&")
      .map((part) => part.replace(/\$/g, "").replace(/([A-Z]+)(\d+)/g, "$1$$$2"))
      .join("&&");
  }
}
