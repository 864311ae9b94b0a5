import type ExcelJS from "exceljs";
import { Workbook, ValueType } from "./exceljs-workbook";
import { normalizeTables } from "./apply-plan";
import { setOrderNo } from "./exceljs-internals";
import { fixExcelJsReading } from "./exceljs-read-fixes";

/** The sheet a defined name's reference points into ("'Evaluación 2025'!$A$1:$W$20" → "Evaluación 2025"). */
function sheetOfReference(reference: string): string | null {
  const match = /^(?:'((?:[^']|'')+)'|([^!]+))!/.exec(reference.replace(/^=/, ""));
  if (!match) return null;
  return match[1] !== undefined ? match[1].replace(/''/g, "'") : (match[2] ?? null);
}

/**
 * A stand-alone workbook of just `sheets` of `wb` (in that order), for printing: every formula is replaced by the
 * value it shows, since the sheets it reads from are not in the copy; names that point at other sheets are
 * dropped. Print settings, styles, merges and tables of the kept sheets stay. `wb` itself is not changed.
 */
export async function printWorkbook(wb: ExcelJS.Workbook, sheets: readonly string[]): Promise<Buffer> {
  normalizeTables(wb);
  fixExcelJsReading();
  const copy = new Workbook();
  await copy.xlsx.load((await wb.xlsx.writeBuffer()) as ArrayBuffer);
  const kept = new Set(sheets);
  for (const ws of [...copy.worksheets]) if (!kept.has(ws.name)) copy.removeWorksheet(ws.id);
  copy.worksheets.forEach((ws) => {
    ws.state = "visible";
    ws.eachRow({ includeEmpty: false }, (row) =>
      row.eachCell({ includeEmpty: false }, (cell) => {
        if (cell.type === ValueType.Formula) cell.value = (cell.result ?? null) as ExcelJS.CellValue;
      }),
    );
  });
  const order = new Map(sheets.map((name, index) => [name, index]));
  copy.worksheets.forEach((ws) => setOrderNo(ws, order.get(ws.name) ?? 0));
  copy.definedNames.model = copy.definedNames.model
    .map((name) => ({ ...name, ranges: name.ranges.filter((range) => kept.has(sheetOfReference(range) ?? "")) }))
    .filter((name) => name.ranges.length > 0);
  copy.calcProperties = { ...copy.calcProperties, fullCalcOnLoad: false };
  return Buffer.from(await copy.xlsx.writeBuffer());
}
