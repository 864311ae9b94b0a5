import { formatSerial } from "../calendar";
import { NONCONFORMITY_HEADERS as NC, OPERATION_HEADERS } from "../workbook/headers";
import type { WorkbookModel } from "../workbook/model";
import { columnOf } from "../workbook/table-location";
import type { LocatedTables } from "../workbook/table-location";
import { REASON_ADVICE, daysLeftText } from "../followup/messages";
import { nonconformityAlerts } from "../followup/nonconformity-alerts";
import { operationAlerts } from "../followup/open-operations";
import type { FindingCollector } from "./finding-collector";
import { FindingMessages as M } from "./messages";

/**
 * The follow-up rules of SPEC §5 (advertencia): `do-vencido`, `nc-compromiso-vencido`, `nc-sin-analisis`.
 * They report the same items the Seguimiento lists, from the same domain functions.
 */
export function validateFollowUp(out: FindingCollector, tables: LocatedTables, model: WorkbookModel, today: number): void {
  const operations = tables.operations;
  if (operations) {
    const col = columnOf(operations, "ansStatus") ?? columnOf(operations, "release") ?? operations.firstCol;
    for (const alert of operationAlerts(model, today)) {
      if (alert.status !== "Vencido") continue;
      out.add(
        "do-vencido",
        operations.sheet.name,
        alert.row,
        col,
        M.doOverdue(alert.do, formatSerial(alert.dueDate), daysLeftText(alert.businessDaysLeft), OPERATION_HEADERS.release),
        alert.do || undefined,
      );
    }
  }
  const ncs = tables.nonconformities;
  if (!ncs) return;
  for (const alert of nonconformityAlerts(model, today)) {
    if (alert.reason === "nc-eficacia-pendiente") continue;
    const col = columnOf(ncs, alert.field) ?? columnOf(ncs, "number") ?? ncs.firstCol;
    const due = alert.dueDate === null ? "" : formatSerial(alert.dueDate);
    const message =
      alert.reason === "nc-compromiso-vencido"
        ? M.ncCommitmentOverdue(alert.number, alert.row, NC.dueDate, due, REASON_ADVICE[alert.reason])
        : M.ncWithoutAnalysis(alert.number, alert.row, model.nonconformities.find((n) => n.row === alert.row)?.severity ?? "grave", due, model.parameters.ncAnalysisDays, REASON_ADVICE[alert.reason]);
    out.add(alert.reason, ncs.sheet.name, alert.row, col, message, alert.number || undefined);
  }
}
