import { excelTextKey, looseTextKey } from "./cell-reading";
import type { OperationRecord } from "./model";

/**
 * Which DO a non-conformity names — one policy for validation, the evaluation, the follow-up and the NC register:
 * the DO numbers compared as MATCH compares them, ignoring letter case only (not accents, not spaces). The loose
 * key serves only to suggest the DO meant in a finding.
 */
export function doKey(text: string): string {
  return excelTextKey(text);
}

const lookups = new WeakMap<readonly OperationRecord[], Map<string, OperationRecord>>();

/** Operations by DO number as MATCH finds them: case-insensitive, first row wins; rows without DO are left out. */
export function operationLookup(operations: readonly OperationRecord[]): ReadonlyMap<string, OperationRecord> {
  const cached = lookups.get(operations);
  if (cached) return cached;
  const byDo = new Map<string, OperationRecord>();
  for (const op of operations) {
    const key = doKey(op.do);
    if (key !== "" && !byDo.has(key)) byDo.set(key, op);
  }
  lookups.set(operations, byDo);
  return byDo;
}

/** The operation a DO number names, as MATCH finds it; undefined for a blank number or one not in the table. */
export function findOperation(operations: readonly OperationRecord[], doNumber: string): OperationRecord | undefined {
  const key = doKey(doNumber);
  return key === "" ? undefined : operationLookup(operations).get(key);
}

/** The DO a number MATCH does not find probably meant (same letters ignoring accents, case and spaces). */
export function suggestOperation(operations: readonly OperationRecord[], doNumber: string): OperationRecord | undefined {
  const loose = looseTextKey(doNumber);
  if (loose === "") return undefined;
  return operations.find((op) => op.do !== "" && looseTextKey(op.do) === loose);
}
