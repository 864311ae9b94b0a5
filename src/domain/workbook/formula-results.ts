import { ansStatus, getBusinessCalendar, isSupportedSerial } from "../calendar";
import { findAlliance } from "./alliance-lookup";
import { readText } from "./cell-reading";
import type { WorkbookModel } from "./model";
import type { FormulaColumnId } from "./schema-types";
import { cellValue } from "./sheet-cells";
import type { CellValue } from "./snapshot";
import { columnOf } from "./table-location";
import type { LocatedTable } from "./table-location";

/** What a formula column shows on a row: a value, or null when only Excel can say (an error). */
export type FormulaResult = CellValue;

/** A date argument as an ADUANA function receives it: "" for empty, a serial, or unusable (error). */
type DateArgument = { kind: "empty" } | { kind: "date"; serial: number } | { kind: "error" };

function dateArgument(value: CellValue): DateArgument {
  if (value === null || value === "") return { kind: "empty" };
  if (typeof value === "number" && isSupportedSerial(value)) return { kind: "date", serial: value };
  return { kind: "error" };
}

/**
 * The values the formulas of OPERATION_FORMULAS compute on a row, with the domain's calendar, so
 * file mode can store them as cached results. Mirrors the formulas step by step.
 */
export function operationFormulaResults(
  located: LocatedTable,
  model: WorkbookModel,
  today: number,
): (row: number) => Record<FormulaColumnId, FormulaResult> {
  const columns = new Map<string, number>();
  for (const key of ["alliance", "type", "arrival", "documentsComplete", "release", "clientDelayDays"]) {
    const col = columnOf(located, key);
    if (col !== undefined) columns.set(key, col);
  }
  const get = (row: number, key: string): CellValue => {
    const col = columns.get(key);
    return col === undefined ? null : cellValue(located.sheet, row, col);
  };
  return (row) => {
    const alliance = findAlliance(model.alliances, readText(get(row, "alliance")));
    const type = readText(get(row, "type")).toLowerCase();
    // INDEX of a blank Meta cell gives 0, as in Excel.
    let targetDays: number | null = null;
    if (alliance && type === "importación") targetDays = alliance.importTarget ?? 0;
    else if (alliance && type === "exportación") targetDays = alliance.exportTarget ?? 0;
    const target: FormulaResult = targetDays ?? "";

    const arrival = dateArgument(get(row, "arrival"));
    const documents = dateArgument(get(row, "documentsComplete"));
    const release = dateArgument(get(row, "release"));
    const delay = get(row, "clientDelayDays");
    const clientDays = typeof delay === "number" ? delay : 0;
    const noStart = arrival.kind === "empty" && documents.kind === "empty";
    const calendar = getBusinessCalendar(alliance?.saturdayIsBusiness ?? false, model.extraHolidays);

    let start: number | null = null;
    let usable = arrival.kind !== "error" && documents.kind !== "error" && release.kind !== "error";
    if (usable && !noStart) {
      start = Math.max(arrival.kind === "date" ? arrival.serial : 0, documents.kind === "date" ? documents.serial : 0);
      if (release.kind === "date" && release.serial < start) usable = false;
    }

    let serviceTime: FormulaResult = "";
    if (release.kind !== "empty" && !noStart) {
      serviceTime = usable && start !== null && release.kind === "date"
        ? Math.max(0, calendar.serviceDays(start, release.serial) - clientDays)
        : null;
    }

    let status: FormulaResult = "";
    if (targetDays !== null && !noStart) {
      status = usable && start !== null
        ? ansStatus({
            start,
            end: release.kind === "date" ? release.serial : null,
            target: targetDays + clientDays,
            today,
            calendar,
          })
        : null;
    }
    return { target, serviceTime, ansStatus: status };
  };
}

const EMPTY_RESULTS: Record<FormulaColumnId, FormulaResult> = { target: "", serviceTime: "", ansStatus: "" };

/** Results for a table being planned; a table the plan creates has only empty rows. */
export function formulaResultsFor(
  located: LocatedTable | null,
  model: WorkbookModel,
  today: number,
): (row: number) => Record<FormulaColumnId, FormulaResult> {
  return located ? operationFormulaResults(located, model, today) : () => EMPTY_RESULTS;
}
