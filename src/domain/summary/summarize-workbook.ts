import { formatSerial, ymdFromSerial } from "../calendar";
import { computeEvaluation } from "../evaluation/compute-evaluation";
import type { AllianceEvaluation } from "../evaluation/compute-evaluation";
import { sameText } from "../evaluation/text-key";
import { contractEnding } from "../workbook/contract-ending";
import type { WorkbookModel } from "../workbook/model";

/** One alliance's timeliness this year, with the evaluation's definitions of DOs medidos and a tiempo. */
export type AllianceOnTime = Pick<AllianceEvaluation, "alliance" | "measured" | "onTime" | "onTimePct">;

export interface ExpiringContract {
  alliance: string;
  contract: string;
  /** "dd/mm/aaaa" */
  end: string;
  /** Whole days from today to Fin contrato; 0 = ends today. */
  daysLeft: number;
}

/** What the task pane's Resumen shows. */
export interface WorkbookSummary {
  year: number;
  openOperations: number;
  onTimeByAlliance: AllianceOnTime[];
  openNonconformities: number;
  expiringContracts: ExpiringContract[];
}

const CLOSED_NC_STATUSES = ["Cerrada", "Anulada"];

/**
 * The pane's summary: DOs still open (no levante / autorización yet), this year's % on time per alliance
 * (the annual evaluation's figures for `today`'s year), non-conformities not closed or annulled, and
 * and the contracts {@link contractEnding} flags (already ended, or ending within CONTRACT_WARNING_DAYS of `today`,
 * not «Terminado»), the longest overdue first, the same ones the validation reports as contrato-por-vencer.
 */
export function summarizeWorkbook(model: WorkbookModel, today: number): WorkbookSummary {
  const year = ymdFromSerial(today).year;
  const openOperations = model.operations.filter((op) => op.do.trim() !== "" && op.release === null).length;

  // computeEvaluation returns one row per alliance row; rows without a name are not alliances yet.
  const onTimeByAlliance: AllianceOnTime[] = computeEvaluation(model, year)
    .alliances.filter((a) => a.alliance.trim() !== "")
    .map(({ alliance, measured, onTime, onTimePct }) => ({ alliance, measured, onTime, onTimePct }));

  const openNonconformities = model.nonconformities.filter(
    (nc) =>
      (nc.number.trim() !== "" || nc.description.trim() !== "") &&
      !CLOSED_NC_STATUSES.some((status) => sameText(nc.status, status)),
  ).length;

  const expiringContracts = model.alliances
    .flatMap((a): ExpiringContract[] => {
      const ending = a.name.trim() === "" ? null : contractEnding(a, today);
      return ending ? [{ alliance: a.name, contract: a.contract, end: formatSerial(ending.end), daysLeft: ending.daysLeft }] : [];
    })
    .sort((a, b) => a.daysLeft - b.daysLeft);

  return { year, openOperations, onTimeByAlliance, openNonconformities, expiringContracts };
}
