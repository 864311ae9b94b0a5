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
    const label = alliance.name ? `de «${alliance.name}»` : `de la fila ${row + 1}`;
    for (const column of columns) checkCell(out, sheet, row, column, r.get(column.spec.key), label, key);

    const nameCol = col("alliance");
    if (alliance.name !== "" && nameCol !== undefined) {
      const nameKey = excelTextKey(alliance.name);
      const first = firstRowOfName.get(nameKey);
      if (first === undefined) firstRowOfName.set(nameKey, row);
      else out.add("aliado-duplicado", sheet, row, nameCol, `«${alliance.name}» ya está en la fila ${first + 1}: cada aliado va una sola vez (sus DO se buscan por nombre). Junte sus datos en una fila y borre la otra.`, key);
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
            ? `«${H.cities}» ${label} incluye ${city}, oficina propia: las alianzas solo cubren ${ALLIANCE_CITIES.map((c) => c.city).join(", ")}. Quítela.`
            : `«${H.cities}» ${label} incluye «${city}», que no es una de las siete ciudades (${ALLIANCE_CITIES.map((c) => c.city).join(", ")}): sepárelas con «;» y escríbalas como en la lista.`,
          key,
        );
      }
    }
    const emailCol = col("email");
    if (emailCol !== undefined && alliance.email !== "") {
      const bad = alliance.email.split(/[;,]/).map((e) => e.trim()).filter((e) => e !== "" && !EMAIL.test(e));
      if (bad.length > 0) {
        out.add("correo-invalido", sheet, row, emailCol, `«${H.email}» ${label} tiene «${bad.join(", ")}», que no parece un correo (nombre@dominio.com): corríjalo.`, key);
      }
    }
    const { contractStart: start, contractEnd: end } = alliance;
    const endCol = col("contractEnd");
    if (start !== null && end !== null && endCol !== undefined && Math.floor(end) <= Math.floor(start)) {
      out.add("orden-hitos", sheet, row, endCol, `«${H.contractEnd}» ${label} (${showDate(end)}) no es posterior a «${H.contractStart}» (${showDate(start)}): corrija las fechas del contrato.`, key);
    } else if (endCol !== undefined) {
      const ending = contractEnding(alliance, todayDate);
      if (ending?.expired) {
        out.add("contrato-por-vencer", sheet, row, endCol, `«${H.contractEnd}» ${label} es ${showDate(ending.end)}: el contrato venció y el aliado sigue «${alliance.status || "sin estado"}». Renueve el contrato o cambie su Estado a «Terminado».`, key);
      } else if (ending) {
        out.add("contrato-por-vencer", sheet, row, endCol, `«${H.contractEnd}» ${label} es ${showDate(ending.end)}: el contrato vence en ${ending.daysLeft} día${ending.daysLeft === 1 ? "" : "s"}. Gestione la renovación.`, key);
      }
    }
    for (const [target, header] of [["importTarget", H.importTarget], ["exportTarget", H.exportTarget]] as const) {
      const value = alliance[target];
      const targetCol = col(target);
      if (value !== null && value <= 0 && targetCol !== undefined) {
        out.add("valor-no-permitido", sheet, row, targetCol, `«${header}» ${label} es ${value}: la meta debe ser mayor que 0. Escriba los días hábiles acordados en el contrato.`, key);
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
        `«${H.restrictiveListCheck}» ${label} es ${showDate(checked)}, hace más de un año: repita la verificación en listas restrictivas (SARLAFT) y actualice la fecha.`,
        key,
      );
    }
  }
}
