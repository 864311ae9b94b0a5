import { ansStatus, getBusinessCalendar } from "../domain/calendar";
import type { CellValue } from "../domain/workbook/snapshot";
import { SAMPLE_ALLIANCES } from "./alliances";
import type { SampleOperation } from "./operations";

export interface OperationResults {
  target: CellValue;
  serviceTime: CellValue;
  ansStatus: CellValue;
}

const date = (value: CellValue): number | null => (typeof value === "number" ? value : null);

/**
 * What the calculated columns (Meta ANS, Tiempo servicio, Estado ANS) show for a sample DO, computed with
 * the domain calendar so the file carries the values Excel will compute (SPEC §1.1).
 */
export function operationResults(op: SampleOperation, extraHolidays: readonly number[], today: number): OperationResults {
  const alliance = SAMPLE_ALLIANCES.find((candidate) => candidate.name === op.alliance);
  const target = !alliance ? null : op.type === "Importación" ? alliance.importTarget : op.type === "Exportación" ? alliance.exportTarget : null;
  const arrival = date(op.arrival);
  const documents = date(op.documentsComplete);
  const start = arrival === null ? documents : documents === null ? arrival : Math.max(arrival, documents);
  const release = date(op.release);
  const clientDays = typeof op.clientDelayDays === "number" ? op.clientDelayDays : 0;
  const calendar = getBusinessCalendar(alliance?.saturdayIsBusiness ?? false, extraHolidays);
  let serviceTime: CellValue = "";
  if (start !== null && release !== null) {
    serviceTime = release < start ? "#VALUE!" : Math.max(0, calendar.serviceDays(start, release) - clientDays);
  }
  let status: CellValue = "";
  if (target !== null && start !== null) {
    status = release !== null && release < start ? "#VALUE!" : ansStatus({ start, end: release, target: target + clientDays, today, calendar });
  }
  return { target: target ?? "", serviceTime, ansStatus: status };
}
