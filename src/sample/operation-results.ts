import { excelTextKey } from "../domain/workbook/cell-reading";
import { serviceLevelOfCells } from "../domain/workbook/service-level";
import type { ServiceLevel } from "../domain/workbook/service-level";
import type { CellValue } from "../domain/workbook/snapshot";
import { SAMPLE_ALLIANCES } from "./alliances";
import type { SampleOperation } from "./operations";

export interface OperationResults {
  target: CellValue;
  serviceTime: CellValue;
  ansStatus: CellValue;
}

/** An error the sheet shows is written as its text, which the writers store as an error value. */
const shown = (value: CellValue): CellValue => (value === null ? "#VALUE!" : value);

/**
 * What the calculated columns (Meta ANS, Tiempo servicio, Estado ANS) show for a sample DO: the domain's own
 * service level, with the alliance found as MATCH finds it, so the file carries the values Excel will compute.
 */
export function operationResults(op: SampleOperation, extraHolidays: readonly number[], today: number): OperationResults {
  const key = excelTextKey(op.alliance);
  const alliance = SAMPLE_ALLIANCES.find((candidate) => excelTextKey(candidate.name) === key);
  const level: ServiceLevel = serviceLevelOfCells(op, alliance, extraHolidays, today);
  return { target: shown(level.target), serviceTime: shown(level.serviceTime), ansStatus: shown(level.ansStatus) };
}
