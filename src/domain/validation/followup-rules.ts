import { formatSerial } from "../calendar";
import { NONCONFORMITY_HEADERS as NC } from "../workbook/headers";
import type { WorkbookModel } from "../workbook/model";
import { columnOf } from "../workbook/table-location";
import type { LocatedTables } from "../workbook/table-location";
import { REASON_ADVICE, daysLeftText } from "../followup/messages";
import { nonconformityAlerts } from "../followup/nonconformity-alerts";
import { operationAlerts } from "../followup/open-operations";
import type { FindingCollector } from "./finding-collector";

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
        `El DO ${alert.do} sigue abierto y su ANS venció el ${formatSerial(alert.dueDate)} (${daysLeftText(alert.businessDaysLeft)}): ` +
          "registre la «Fecha levante / autorización» si ya la hubo; si no, gestione el caso con el aliado y registre la no conformidad.",
        alert.do || undefined,
      );
    }
  }
  const ncs = tables.nonconformities;
  if (!ncs) return;
  for (const alert of nonconformityAlerts(model, today)) {
    if (alert.reason === "nc-eficacia-pendiente") continue;
    const col = columnOf(ncs, alert.field) ?? columnOf(ncs, "number") ?? ncs.firstCol;
    const label = alert.number ? `La no conformidad ${alert.number}` : `La no conformidad de la fila ${alert.row + 1}`;
    const due = alert.dueDate === null ? "" : formatSerial(alert.dueDate);
    const message =
      alert.reason === "nc-compromiso-vencido"
        ? `${label} sigue abierta y su «${NC.dueDate}» (${due}) ya pasó: ${REASON_ADVICE[alert.reason]}.`
        : `${label} es ${model.nonconformities.find((n) => n.row === alert.row)?.severity ?? "grave"} y el ${due} se cumplieron ` +
          `${model.parameters.ncAnalysisDays} días hábiles sin análisis: ${REASON_ADVICE[alert.reason]}.`;
    out.add(alert.reason, ncs.sheet.name, alert.row, col, message, alert.number || undefined);
  }
}
