import { FileMessages } from "./messages";
import { Workbook } from "./exceljs-workbook";

/**
 * ExcelJS 4.4 writes `<rowBreaks>` but drops them when it reads a file: WorksheetXform parses the element into
 * `map.rowBreaks.model` (each `<brk>` as its missing `ref` attribute, i.e. undefined) and never copies it into the
 * sheet's model, and the Worksheet's model setter has no rowBreaks. A workbook read and saved again (evaluar on a saved file, preparar, exportar, the PDF copy) then
 * loses every manual page break — the fichas, one per page, ran into each other. These two hooks carry the
 * parsed breaks through; test/xlsx/row-breaks.test.ts pins the behaviour on ExcelJS's own round trip.
 */

/** One `<brk>`: the break sits under 1-based row `id`; `max` is the last column it spans (16383 = XFD). */
export interface RowBreak {
  id: number;
  max: number;
  man: number;
  min?: number;
}

/** Zero-based index of column XFD, the last column of a sheet. */
export const LAST_COLUMN_INDEX = 16383;

interface ParsedWorksheetXform {
  model: { rowBreaks?: RowBreak[] } | undefined;
  map: { rowBreaks: { model: RowBreak[] | undefined } };
  parseClose(name: string): boolean;
}

interface PageBreakXform {
  model: RowBreak | undefined;
  parseOpen(node: { name: string; attributes: Record<string, string | undefined> }): boolean;
}

interface WorksheetModelHolder {
  rowBreaks: RowBreak[];
}

let installed = false;

function worksheetXformClass(): { prototype: ParsedWorksheetXform } {
  // Not part of ExcelJS's typed surface: the class that parses xl/worksheets/sheetN.xml.
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  return require("exceljs/lib/xlsx/xform/sheet/worksheet-xform.js") as { prototype: ParsedWorksheetXform };
}

function pageBreakXformClass(): { prototype: PageBreakXform } {
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  return require("exceljs/lib/xlsx/xform/sheet/page-breaks-xform.js") as { prototype: PageBreakXform };
}

const numberOr = (text: string | undefined, fallback: number): number => {
  const n = Number(text);
  return text !== undefined && Number.isInteger(n) ? n : fallback;
};

/** Makes ExcelJS keep the manual row breaks of the sheets it reads. Idempotent. */
export function keepRowBreaksOnRead(): void {
  if (installed) return;
  installed = true;
  pageBreakXformClass().prototype.parseOpen = function (this: PageBreakXform, node): boolean {
    if (node.name !== "brk") return false;
    const { id, min, max, man } = node.attributes;
    // A break past the last column (ExcelJS's own addPageBreak writes 16838) is read as spanning the sheet.
    this.model = { id: numberOr(id, 0), max: Math.min(numberOr(max, LAST_COLUMN_INDEX), LAST_COLUMN_INDEX), man: numberOr(man, 1) };
    if (min !== undefined && numberOr(min, 0) > 0) this.model.min = numberOr(min, 0);
    return true;
  };
  const xform = worksheetXformClass().prototype;
  const parseClose = xform.parseClose;
  xform.parseClose = function (this: ParsedWorksheetXform, name: string): boolean {
    const more = parseClose.call(this, name);
    if (name === "worksheet" && this.model && this.map.rowBreaks.model) {
      this.model.rowBreaks = this.map.rowBreaks.model.filter((b) => b !== undefined && b.id > 0);
    }
    return more;
  };
  // ExcelJS does not export its Worksheet class: its prototype is that of any worksheet.
  const proto = Object.getPrototypeOf(new Workbook().addWorksheet("x")) as object;
  const descriptor = Object.getOwnPropertyDescriptor(proto, "model");
  const set = descriptor?.set;
  if (!descriptor || !set) throw new Error(FileMessages.unexpectedExcelJs);
  Object.defineProperty(proto, "model", {
    ...descriptor,
    set(this: WorksheetModelHolder, value: { rowBreaks?: RowBreak[] }) {
      set.call(this, value);
      this.rowBreaks = value.rowBreaks ?? [];
    },
  });
}
