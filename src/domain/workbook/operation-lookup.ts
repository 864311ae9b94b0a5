import { excelTextKey } from "./cell-reading";
import { matchIndex, matchRecord, suggestRecord } from "./match-lookup";
import type { OperationRecord } from "./model";

/**
 * Which DO a non-conformity names — one policy for validation, the evaluation, the follow-up and the NC register:
 * the DO numbers compared as MATCH compares them, ignoring letter case only (not accents, not spaces). The loose
 * key serves only to suggest the DO meant in a finding.
 */
export function doKey(text: string): string {
  return excelTextKey(text);
}

const doOf = (op: OperationRecord): string => op.do;

/** Operations by DO number as MATCH finds them: case-insensitive, first row wins; rows without DO are left out. */
export function operationLookup(operations: readonly OperationRecord[]): ReadonlyMap<string, OperationRecord> {
  return matchIndex(operations, doOf);
}

/** The operation a DO number names, as MATCH finds it; undefined for a blank number or one not in the table. */
export function findOperation(operations: readonly OperationRecord[], doNumber: string): OperationRecord | undefined {
  return matchRecord(operations, doOf, doNumber);
}

/** The DO a number MATCH does not find probably meant (same letters ignoring accents, case and spaces). */
export function suggestOperation(operations: readonly OperationRecord[], doNumber: string): OperationRecord | undefined {
  return suggestRecord(operations, doOf, doNumber);
}
