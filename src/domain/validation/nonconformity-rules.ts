import { excelTextKey } from "../workbook/cell-reading";
import { findAlliance, suggestAlliance } from "../workbook/alliance-lookup";
import { NONCONFORMITY_HEADERS as H, SHEETS, TABLES } from "../workbook/headers";
import type { WorkbookModel } from "../workbook/model";
import { doKey, suggestOperation } from "../workbook/operation-lookup";
import { forEachDataRow } from "../workbook/read-model";
import { columnOf } from "../workbook/table-location";
import type { LocatedTable } from "../workbook/table-location";
import { checkCell, checkedColumns } from "./column-checks";
import type { FindingCollector } from "./finding-collector";
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
  let index = 0;
  forEachDataRow(located, (r) => {
    const nc = model.nonconformities[index++];
    if (!nc || nc.row !== r.row) return;
    const row = r.row;
    const key = nc.number || undefined;
    const label = nc.number ? `de ${nc.number}` : `de la fila ${row + 1}`;
    for (const column of columns) checkCell(out, sheet, row, column, r.get(column.spec.key), label, key);

    const numberCol = col("number");
    if (nc.number !== "" && numberCol !== undefined) {
      const numberKey = excelTextKey(nc.number);
      const first = firstRowOfNumber.get(numberKey);
      if (!NUMBER_FORMAT.test(nc.number)) {
        out.add("nc-numero-invalido", sheet, row, numberCol, `El Nº «${nc.number}» no sigue el formato NC-AAAA-NNN (por ejemplo NC-2026-007): corríjalo.`, key);
      } else if (first !== undefined) {
        out.add("nc-numero-invalido", sheet, row, numberCol, `El Nº ${nc.number} ya está en la fila ${first + 1}: cada no conformidad tiene su propio número. Cambie el Nº de esta fila por uno que no esté usado.`, key);
      }
      if (first === undefined) firstRowOfNumber.set(numberKey, row);
    }
    const doCol = col("do");
    if (nc.do !== "" && doCol !== undefined && !knownDos.has(doKey(nc.do))) {
      const meant = suggestOperation(model.operations, nc.do);
      const message = meant
        ? `La no conformidad ${label} menciona el DO «${nc.do}», que no está en ${TABLES.operations} (hoja ${operationsSheet}): ¿quiso decir «${meant.do}»? Corrija el número del DO.`
        : `La no conformidad ${label} menciona el DO «${nc.do}», que no está en ${TABLES.operations} (hoja ${operationsSheet}): corrija el número del DO.`;
      out.add("nc-do-desconocido", sheet, row, doCol, message, key);
    }
    const allianceCol = col("alliance");
    if (nc.alliance !== "" && allianceCol !== undefined && !findAlliance(model.alliances, nc.alliance)) {
      const meant = suggestAlliance(model.alliances, nc.alliance);
      const message = meant
        ? `«${nc.alliance}» ${label} no está en ${TABLES.alliances}: ¿quiso decir «${meant.name}»? Elíjalo de la lista.`
        : `«${nc.alliance}» ${label} no está en ${TABLES.alliances} (hoja ${allianceSheet}): elija un aliado de la lista o regístrelo allí.`;
      out.add("aliado-desconocido", sheet, row, allianceCol, message, key);
    }
    const dateCol = col("date");
    if (nc.date !== null && dateCol !== undefined && Math.floor(nc.date) > todayDate) {
      out.add("fecha-futura", sheet, row, dateCol, `«${H.date}» ${label} es ${showDate(nc.date)}, posterior a hoy: corrija la fecha.`, key);
    }
    for (const [field, header] of [["dueDate", H.dueDate], ["closedDate", H.closedDate]] as const) {
      const value = nc[field];
      const at = col(field);
      if (value !== null && nc.date !== null && at !== undefined && Math.floor(value) < Math.floor(nc.date)) {
        out.add("orden-hitos", sheet, row, at, `«${header}» ${label} (${showDate(value)}) es anterior a «${H.date}» (${showDate(nc.date)}): corrija la fecha.`, key);
      }
    }
    const statusCol = col("status") ?? numberCol ?? located.firstCol;
    if (nc.status === "Cerrada") {
      const missing: string[] = [];
      if (nc.closedDate === null) missing.push(`«${H.closedDate}»`);
      if (nc.effective !== "Sí") missing.push(`«${H.effective}» = Sí`);
      if (missing.length > 0) {
        const at = nc.closedDate === null ? (col("closedDate") ?? statusCol) : (col("effective") ?? statusCol);
        const action = nc.effective === "Sí" ? `escriba la «${H.closedDate}»` : `verifique la eficacia y escriba «Sí» en «${H.effective}»`;
        out.add("nc-cierre-incompleto", sheet, row, at, `La no conformidad ${label} está «Cerrada» sin ${missing.join(" ni ")}: ${action}, o cambie su Estado mientras tanto.`, key);
      }
    } else if (nc.closedDate !== null && nc.status !== "Anulada") {
      out.add("nc-cierre-incompleto", sheet, row, statusCol, `La no conformidad ${label} tiene «${H.closedDate}» pero su Estado es «${nc.status || "vacío"}»: cámbielo a «Cerrada» o borre la fecha de cierre.`, key);
    }
  });
}
