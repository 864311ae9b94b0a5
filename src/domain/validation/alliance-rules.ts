import { isValidNit } from "../identity/nit";
import { excelTextKey } from "../workbook/cell-reading";
import { contractEnding } from "../workbook/contract-ending";
import { ALLIANCE_CITIES, ALLIANCE_HEADERS as H, OWN_OFFICE_CITIES } from "../workbook/headers";
import type { WorkbookModel } from "../workbook/model";
import { tableRowReader } from "../workbook/read-model";
import { columnOf } from "../workbook/table-location";
import type { LocatedTable } from "../workbook/table-location";
import { checkCell, checkedColumns } from "./column-checks";
import type { FindingCollector } from "./finding-collector";
import { nitMessage } from "./operation-rules";
import { FindingMessages as M, RowLabels } from "./messages";
import { showDate } from "./value-text";

export { CONTRACT_WARNING_DAYS } from "../workbook/contract-ending";
/** SARLAFT: restrictive lists are checked at least once a year. */
export const RESTRICTIVE_LIST_MAX_AGE_DAYS = 365;

const CITY_KEYS = new Set(ALLIANCE_CITIES.map(({ city }) => excelTextKey(city)));
const OWN_KEYS = new Set(OWN_OFFICE_CITIES.map((city) => excelTextKey(city)));
const EMAIL = /^[^\s@;,]+@[^\s@;,]+\.[^\s@;,]{2,}$/;

/** Every rule on tblAlianzas rows: SPEC §5 (NIT, cities, required) and the §1.2 warnings. */
export function validateAlliances(out: FindingCollector, located: LocatedTable, model: WorkbookModel, today: number): void {
  const sheet = located.sheet.name;
  const columns = checkedColumns(located);
  const col = (key: string): number | undefined => columnOf(located, key);
  const firstRowOfName = new Map<string, number>();
  const todayDate = Math.floor(today);
  const rowAt = tableRowReader(located);
  for (const alliance of model.alliances) {
    const row = alliance.row;
    const r = rowAt(row);
    const key = alliance.name || undefined;
    const label = RowLabels.alliance(alliance.name, row);
    for (const column of columns) checkCell(out, sheet, row, column, r.get(column.spec.key), label, key);

    const nameCol = col("alliance");
    if (alliance.name !== "" && nameCol !== undefined) {
      const nameKey = excelTextKey(alliance.name);
      const first = firstRowOfName.get(nameKey);
      if (first === undefined) firstRowOfName.set(nameKey, row);
      else out.add("aliado-duplicado", sheet, row, nameCol, M.duplicateAlliance(alliance.name, first), key);
    }
    const nitCol = col("nit");
    if (nitCol !== undefined && alliance.nit !== "" && !isValidNit(alliance.nit)) {
      out.add("nit-invalido", sheet, row, nitCol, nitMessage(H.nit, alliance.nit, label), key);
    }
    const citiesCol = col("cities");
    if (citiesCol !== undefined) {
      for (const city of alliance.cities) {
        const cityKey = excelTextKey(city);
        if (CITY_KEYS.has(cityKey)) continue;
        out.add(
          "ciudad-desconocida",
          sheet,
          row,
          citiesCol,
          OWN_KEYS.has(cityKey)
            ? M.allianceCityOwnOffice(H.cities, label, city)
            : M.allianceCityUnknown(H.cities, label, city),
          key,
        );
      }
    }
    const emailCol = col("email");
    if (emailCol !== undefined && alliance.email !== "") {
      const bad = alliance.email.split(/[;,]/).map((e) => e.trim()).filter((e) => e !== "" && !EMAIL.test(e));
      if (bad.length > 0) {
        out.add("correo-invalido", sheet, row, emailCol, M.badEmail(H.email, label, bad.join(", ")), key);
      }
    }
    const { contractStart: start, contractEnd: end } = alliance;
    const endCol = col("contractEnd");
    if (start !== null && end !== null && endCol !== undefined && Math.floor(end) <= Math.floor(start)) {
      out.add("orden-hitos", sheet, row, endCol, M.contractEndNotAfterStart(H.contractEnd, label, showDate(end), H.contractStart, showDate(start)), key);
    } else if (endCol !== undefined) {
      const ending = contractEnding(alliance, todayDate);
      if (ending?.expired) {
        out.add("contrato-por-vencer", sheet, row, endCol, M.contractExpired(H.contractEnd, label, showDate(ending.end), alliance.status), key);
      } else if (ending) {
        out.add("contrato-por-vencer", sheet, row, endCol, M.contractEnding(H.contractEnd, label, showDate(ending.end), ending.daysLeft), key);
      }
    }
    for (const [target, header] of [["importTarget", H.importTarget], ["exportTarget", H.exportTarget]] as const) {
      const value = alliance[target];
      const targetCol = col(target);
      if (value !== null && value <= 0 && targetCol !== undefined) {
        out.add("valor-no-permitido", sheet, row, targetCol, M.targetNotPositive(header, label, value), key);
      }
    }
    const checkCol = col("restrictiveListCheck");
    const checked = alliance.restrictiveListCheck;
    if (checked !== null && checkCol !== undefined && todayDate - Math.floor(checked) > RESTRICTIVE_LIST_MAX_AGE_DAYS) {
      out.add(
        "listas-restrictivas-vencidas",
        sheet,
        row,
        checkCol,
        M.restrictiveListsStale(H.restrictiveListCheck, label, showDate(checked)),
        key,
      );
    }
  }
}
