import { excelTextKey } from "../workbook/cell-reading";
import { findAlliance, suggestAlliance } from "../workbook/alliance-lookup";
import { NONCONFORMITY_HEADERS as H, SHEETS } from "../workbook/headers";
import type { WorkbookModel } from "../workbook/model";
import { doKey, suggestOperation } from "../workbook/operation-lookup";
import { tableRowReader } from "../workbook/read-model";
import { columnOf } from "../workbook/table-location";
import type { LocatedTable } from "../workbook/table-location";
import { checkCell, checkedColumns } from "./column-checks";
import type { FindingCollector } from "./finding-collector";
import { FindingMessages as M, RowLabels } from "./messages";
import { showDate } from "./value-text";

const NUMBER_FORMAT = /^NC-\d{4}-\d{3,}$/i;

/** Every rule on tblNoConformidades rows (SPEC §1.3 and §5). */
export function validateNonconformities(
  out: FindingCollector,
  located: LocatedTable,
  model: WorkbookModel,
  today: number,
  knownDos: ReadonlyMap<string, number>,
  sheets: { operations?: string | undefined; alliances?: string | undefined } = {},
): void {
  const operationsSheet = sheets.operations ?? SHEETS.operations;
  const allianceSheet = sheets.alliances ?? SHEETS.alliances;
  const sheet = located.sheet.name;
  const columns = checkedColumns(located);
  const col = (key: string): number | undefined => columnOf(located, key);
  const firstRowOfNumber = new Map<string, number>();
  const todayDate = Math.floor(today);
  const rowAt = tableRowReader(located);
  for (const nc of model.nonconformities) {
    const row = nc.row;
    const r = rowAt(row);
    const key = nc.number || undefined;
    const label = RowLabels.nonconformity(nc.number, row);
    for (const column of columns) checkCell(out, sheet, row, column, r.get(column.spec.key), label, key);

    const numberCol = col("number");
    if (nc.number !== "" && numberCol !== undefined) {
      const numberKey = excelTextKey(nc.number);
      const first = firstRowOfNumber.get(numberKey);
      if (!NUMBER_FORMAT.test(nc.number)) {
        out.add("nc-numero-invalido", sheet, row, numberCol, M.ncNumberFormat(nc.number), key);
      } else if (first !== undefined) {
        out.add("nc-numero-invalido", sheet, row, numberCol, M.ncNumberDuplicate(nc.number, first), key);
      }
      if (first === undefined) firstRowOfNumber.set(numberKey, row);
    }
    const doCol = col("do");
    if (nc.do !== "" && doCol !== undefined && !knownDos.has(doKey(nc.do))) {
      const meant = suggestOperation(model.operations, nc.do);
      out.add("nc-do-desconocido", sheet, row, doCol, M.ncUnknownDo(nc.number, row, nc.do, operationsSheet, meant?.do), key);
    }
    const allianceCol = col("alliance");
    if (nc.alliance !== "" && allianceCol !== undefined && !findAlliance(model.alliances, nc.alliance)) {
      const meant = suggestAlliance(model.alliances, nc.alliance);
      out.add("aliado-desconocido", sheet, row, allianceCol, M.unknownAlliance(H.alliance, label, nc.alliance, meant?.name, allianceSheet), key);
    }
    const dateCol = col("date");
    if (nc.date !== null && dateCol !== undefined && Math.floor(nc.date) > todayDate) {
      out.add("fecha-futura", sheet, row, dateCol, M.futureDate(H.date, label, showDate(nc.date), showDate(todayDate)), key);
    }
    for (const [field, header] of [["dueDate", H.dueDate], ["closedDate", H.closedDate]] as const) {
      const value = nc[field];
      const at = col(field);
      if (value !== null && nc.date !== null && at !== undefined && Math.floor(value) < Math.floor(nc.date)) {
        out.add("orden-hitos", sheet, row, at, M.dateBefore(header, label, showDate(value), H.date, showDate(nc.date)), key);
      }
    }
    const statusCol = col("status") ?? numberCol ?? located.firstCol;
    if (nc.status === "Cerrada") {
      const lacks = { closedDate: nc.closedDate === null, effective: nc.effective !== "Sí" };
      if (lacks.closedDate || lacks.effective) {
        const at = nc.closedDate === null ? (col("closedDate") ?? statusCol) : (col("effective") ?? statusCol);
        out.add("nc-cierre-incompleto", sheet, row, at, M.ncClosedIncomplete(nc.number, row, lacks, H.closedDate, H.effective), key);
      }
    } else if (nc.closedDate !== null && nc.status !== "Anulada") {
      out.add("nc-cierre-incompleto", sheet, row, statusCol, M.ncClosedDateWithoutClosing(nc.number, row, H.closedDate, nc.status), key);
    }
  }
}
