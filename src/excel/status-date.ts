import { ExcelMessages } from "./messages";
import { TODAY_NAME } from "../domain/workbook/headers";
import { planStatusDate, STATUS_DATE_FORMAT } from "../domain/workbook/status-date";
import { todayInColombia } from "../domain/calendar";

export type StatusDateRefresh =
  /** The add-in's date (or an empty cell) was brought to today. */
  | { status: "updated"; date: number }
  /** Nothing to do: already today, typed by hand, =TODAY(), or no ADUANA_HOY in this workbook. */
  | { status: "unchanged" }
  /** Not attempted or failed; `notice` is the Spanish message to show (never thrown). */
  | { status: "failed"; notice: string };

/** names.getItemOrNullObject needs ExcelApi 1.4 (https://learn.microsoft.com/javascript/api/excel/excel.namedItemcollection). */
const REQUIRED_API = "1.4";

const NOTICE = ExcelMessages.statusDateNotRefreshed(TODAY_NAME);

/**
 * Brings the status date (status-date.ts) to today, in one Excel.run: reads the cell ADUANA_HOY names and writes
 * the add-in's =DATE(…) only where the domain says so (its own older date or an empty cell; never a date typed by
 * hand, never =TODAY()). Never throws: a failure comes back as a Spanish notice.
 */
export async function refreshStatusDate(today: number = todayInColombia(new Date())): Promise<StatusDateRefresh> {
  const requirements = typeof Office === "undefined" ? undefined : Office.context?.requirements;
  if (requirements && !requirements.isSetSupported("ExcelApi", REQUIRED_API)) {
    return { status: "failed", notice: ExcelMessages.statusDateUnsupported(NOTICE, REQUIRED_API) };
  }
  try {
    return await Excel.run(async (context) => {
      const item = context.workbook.names.getItemOrNullObject(TODAY_NAME);
      item.load("type");
      await context.sync();
      if (item.isNullObject || item.type !== "Range") return { status: "unchanged" } as const;
      const range = item.getRange();
      range.load("formulas, values, rowIndex, columnIndex, rowCount, columnCount");
      await context.sync();
      if (range.rowCount !== 1 || range.columnCount !== 1) return { status: "unchanged" } as const;
      const formula = range.formulas[0]?.[0];
      const value = range.values[0]?.[0] as unknown;
      const cell = {
        row: range.rowIndex,
        col: range.columnIndex,
        formula: typeof formula === "string" && formula.startsWith("=") ? formula : null,
        value: typeof value === "number" || typeof value === "string" || typeof value === "boolean" ? value : null,
      };
      const write = planStatusDate(cell, today, "refresh");
      if (!write?.formula) return { status: "unchanged" } as const;
      range.formulas = [[write.formula]];
      // Values before formats; an empty cell gets the "Estado al" format Preparar gives it.
      if (write.expected === null) range.numberFormat = [[STATUS_DATE_FORMAT]];
      await context.sync();
      return { status: "updated", date: Math.floor(today) } as const;
    });
  } catch (error) {
    console.warn(ExcelMessages.statusDateLog, error);
    return { status: "failed", notice: NOTICE };
  }
}

let refreshedOn: number | null = null;

/**
 * refreshStatusDate at most once per day per runtime (the pane and the custom functions share it): the first call
 * of a day runs it, later calls that day resolve to "unchanged" without touching Excel.
 */
export async function refreshStatusDateOncePerDay(today: number = todayInColombia(new Date())): Promise<StatusDateRefresh> {
  const day = Math.floor(today);
  if (refreshedOn === day) return { status: "unchanged" };
  refreshedOn = day;
  return refreshStatusDate(day);
}

/** For tests: forget the day of the last refresh. */
export function resetStatusDateRefresh(): void {
  refreshedOn = null;
}
