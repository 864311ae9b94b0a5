import { keepAutomaticPageNumbersOnRead } from "./page-numbers";
import { keepRowBreaksOnRead } from "./row-breaks";

/**
 * What ExcelJS 4.4 loses or changes when it reads a file and saves it again, put right before any read: manual row
 * breaks (row-breaks.ts) and automatic page numbering (page-numbers.ts). Idempotent.
 */
export function fixExcelJsReading(): void {
  keepRowBreaksOnRead();
  keepAutomaticPageNumbersOnRead();
}
