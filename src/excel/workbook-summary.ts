import { CalendarRangeError, formatSerial, ymdFromSerial } from "../domain/calendar";
import type { WorkbookModel } from "../domain/workbook/model";
import { measuredServiceDays, targetFor } from "../domain/workbook/service-time";
import type { AllianceOnTime, ExpiringContract, WorkbookSummary } from "./action-types";

/** Days ahead in which a contract's end is announced (SPEC §1.2: warn 60 days before Fin). */
export const CONTRACT_WARNING_DAYS = 60;

const CLOSED_NC_STATUSES = new Set(["cerrada", "anulada"]);

const key = (text: string) => text.trim().toLocaleLowerCase("es-CO");

/**
 * The pane's summary: DOs still open (no levante / autorización yet), this year's % on time per alliance,
 * non-conformities not closed or annulled, and contracts ending within CONTRACT_WARNING_DAYS of `today`.
 */
export function summarizeWorkbook(model: WorkbookModel, today: number): WorkbookSummary {
  const year = ymdFromSerial(today).year;
  const openOperations = model.operations.filter((op) => op.do.trim() !== "" && op.release === null).length;

  const onTimeByAlliance: AllianceOnTime[] = model.alliances
    .filter((a) => a.name.trim() !== "")
    .map((alliance) => {
      let measured = 0;
      let onTime = 0;
      for (const op of model.operations) {
        if (key(op.alliance) !== key(alliance.name) || op.opened === null || ymdFromSerial(op.opened).year !== year) continue;
        const days = serviceDaysOrNull(() => measuredServiceDays(op, alliance, model.extraHolidays));
        if (days === null) continue;
        measured += 1;
        const target = targetFor(op, alliance);
        if (target !== null && days <= target) onTime += 1;
      }
      return { alliance: alliance.name, measured, onTime, onTimePct: measured === 0 ? null : (onTime / measured) * 100 };
    });

  const openNonconformities = model.nonconformities.filter(
    (nc) => (nc.number.trim() !== "" || nc.description.trim() !== "") && !CLOSED_NC_STATUSES.has(key(nc.status)),
  ).length;

  const expiringContracts: ExpiringContract[] = model.alliances
    .filter((a) => a.contractEnd !== null && a.contractEnd >= today && a.contractEnd - today <= CONTRACT_WARNING_DAYS)
    .map((a) => ({
      alliance: a.name,
      contract: a.contract,
      end: formatSerial(a.contractEnd as number),
      daysLeft: Math.floor(a.contractEnd as number) - Math.floor(today),
    }))
    .sort((a, b) => a.daysLeft - b.daysLeft);

  return { year, openOperations, onTimeByAlliance, openNonconformities, expiringContracts };
}

/** Dates outside the holiday calendar cannot be measured; validation reports them, the summary skips them. */
function serviceDaysOrNull(measure: () => number | null): number | null {
  try {
    return measure();
  } catch (error) {
    if (error instanceof CalendarRangeError) return null;
    throw error;
  }
}
