import { ALLIANCE_HEADERS, EXTRA_HOLIDAY_HEADERS, OPERATION_HEADERS as H, TABLES, TODAY_NAME } from "./headers";
import type { FormulaColumnId } from "./schema-types";

const row = (header: string): string => `[@[${header}]]`;
const column = (table: string, header: string): string => `${table}[${header}]`;

const ALLIANCE_MATCH = `MATCH(${row(H.alliance)},${column(TABLES.alliances, ALLIANCE_HEADERS.alliance)},0)`;
const allianceValue = (header: string): string => `INDEX(${column(TABLES.alliances, header)},${ALLIANCE_MATCH})`;
/** The row's alliance works Saturdays (FALSE when the alliance is unknown). */
const SATURDAY = `IFERROR(${allianceValue(ALLIANCE_HEADERS.saturdayBusiness)}="Sí",FALSE)`;
const EXTRA_HOLIDAYS = column(TABLES.extraHolidays, EXTRA_HOLIDAY_HEADERS.date);
const START = `MAX(${row(H.arrival)},${row(H.documentsComplete)})`;
const NO_START = `AND(${row(H.arrival)}="",${row(H.documentsComplete)}="")`;
const CLIENT_DAYS = `N(${row(H.clientDelayDays)})`;

/**
 * Formulas of the calculated columns of tblOperaciones (SPEC §1.1), in the form Office.js writes
 * (English names, commas, `[@[Col]]`). Estado ANS gets meta + client days so that it agrees with
 * Tiempo servicio ≤ Meta; "hoy" is the ADUANA_HOY cell, never TODAY() per row (SPEC §6).
 */
export const OPERATION_FORMULAS: Readonly<Record<FormulaColumnId, string>> = {
  target:
    `=IFERROR(IF(${row(H.type)}="Importación",${allianceValue(ALLIANCE_HEADERS.importTarget)},` +
    `IF(${row(H.type)}="Exportación",${allianceValue(ALLIANCE_HEADERS.exportTarget)},"")),"")`,
  serviceTime:
    `=IF(OR(${row(H.release)}="",${NO_START}),"",` +
    `MAX(0,ADUANA.TIEMPO_SERVICIO(${START},${row(H.release)},"d",${SATURDAY},${EXTRA_HOLIDAYS})-${CLIENT_DAYS}))`,
  ansStatus:
    `=IF(OR(${row(H.target)}="",${NO_START}),"",` +
    `ADUANA.ESTADO_ANS(${START},${row(H.release)},${row(H.target)}+${CLIENT_DAYS},${TODAY_NAME},${SATURDAY},${EXTRA_HOLIDAYS}))`,
};
