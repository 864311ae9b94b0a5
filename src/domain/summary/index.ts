export { summarizeWorkbook } from "./summarize-workbook";
export type { AllianceOnTime, ExpiringContract, WorkbookSummary } from "./summarize-workbook";
