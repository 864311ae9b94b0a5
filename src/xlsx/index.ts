export { readSnapshot } from "./read-snapshot";
export { applyPlan, type ApplyReport } from "./apply-plan";
export { loadWorkbookFile, saveWorkbookFile } from "./workbook-file";
export { UnusableInputError } from "./unusable-input-error";
export { toFileFormula, toUiFormula } from "./formula-form";
export { printWorkbook } from "./print-workbook";
export { readSnapshotFile, type StreamReadOptions } from "./stream-snapshot";
