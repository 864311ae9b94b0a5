import { a1Address } from "../workbook/a1";
import { SHEETS } from "../workbook/headers";
import { readWorkbookModel } from "../workbook/read-model";
import type { WorkbookSnapshot } from "../workbook/snapshot";
import { columnOf, locateTables } from "../workbook/table-location";
import type { LocatedTable } from "../workbook/table-location";
import type { NonconformityAlert } from "./nonconformity-alerts";
import { nonconformityAlerts } from "./nonconformity-alerts";
import type { OperationAlert } from "./open-operations";
import { scanOpenOperations } from "./open-operations";
import type { UnusableExtraHoliday } from "../workbook/model";

/** Where a follow-up item lives in the workbook: a click in the pane selects this cell. */
export interface ItemLocation {
  sheet: string;
  /** A1 address of the cell to look at (the DO's Estado ANS, or the NC's field to fill). */
  cell: string;
}

export type OperationFollowUp = OperationAlert & ItemLocation;
export type NonconformityFollowUp = NonconformityAlert & ItemLocation;

/** Today's work (SPEC §7 Seguimiento): DOs running out of time and NCs that need action. */
export interface FollowUp {
  today: number;
  operations: OperationFollowUp[];
  nonconformities: NonconformityFollowUp[];
  /**
   * Set when open DOs show #VALUE! in Estado ANS because tblFestivosExtra[Fecha] holds a value that is not a date:
   * the cell to fix. Those DOs are not listed, as the sheet shows them neither Vencido nor En riesgo.
   */
  unusableExtraHoliday?: UnusableExtraHoliday;
}

function cellOf(located: LocatedTable | null, fallbackSheet: string, row: number, keys: readonly string[]): ItemLocation {
  if (!located) return { sheet: fallbackSheet, cell: a1Address(row, 0) };
  for (const key of keys) {
    const col = columnOf(located, key);
    if (col !== undefined) return { sheet: located.sheet.name, cell: a1Address(row, col) };
  }
  return { sheet: located.sheet.name, cell: a1Address(row, located.firstCol) };
}

/** The follow-up lists of the workbook on `today` (a serial), each item with the cell it points to. */
export function followUp(snapshot: WorkbookSnapshot, today: number): FollowUp {
  const model = readWorkbookModel(snapshot);
  const tables = locateTables(snapshot);
  const scan = scanOpenOperations(model, today);
  const unusable = scan.withoutStatus > 0 ? model.unusableExtraHoliday : undefined;
  return {
    today: Math.floor(today),
    operations: scan.alerts.map((alert) => ({
      ...alert,
      ...cellOf(tables.operations, SHEETS.operations, alert.row, ["ansStatus", "release", "do"]),
    })),
    nonconformities: nonconformityAlerts(model, today).map((alert) => ({
      ...alert,
      ...cellOf(tables.nonconformities, SHEETS.nonconformities, alert.row, [alert.field, "number"]),
    })),
    ...(unusable ? { unusableExtraHoliday: unusable } : {}),
  };
}
