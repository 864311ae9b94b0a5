import { CliMessages } from "../messages";
import type ExcelJS from "exceljs";
import type { WorkbookSnapshot } from "../../domain/workbook/snapshot";
import { locateTables } from "../../domain/workbook/table-location";
import { readSnapshotFile } from "../../xlsx/stream-snapshot";
import { UnusableInputError } from "../../xlsx/unusable-input-error";
import type { CliIo } from "../cli-io";

export interface OpenedWorkbook {
  workbook: ExcelJS.Workbook;
  snapshot: WorkbookSnapshot;
}

function isEmptyWorkbook(snapshot: WorkbookSnapshot): boolean {
  return snapshot.sheets.every((sheet) => sheet.area.rowCount === 0);
}

/**
 * Loads a workbook and checks it has an operations sheet the add-in recognises. `allowEmpty` lets
 * preparar build the structure in a blank book.
 */
export async function openWorkbook(file: string, options: { allowEmpty: boolean }): Promise<OpenedWorkbook> {
  // ExcelJS is loaded only by the commands that write a book, so validar and seguimiento start quickly.
  const { loadWorkbookFile } = await import("../../xlsx/workbook-file");
  const { readSnapshot } = await import("../../xlsx/read-snapshot");
  const workbook = await loadWorkbookFile(file);
  const snapshot = readSnapshot(workbook);
  checkOperations(file, snapshot, options);
  return { workbook, snapshot };
}

/**
 * The workbook's Snapshot only, streamed from the file without ExcelJS's object model (commands that
 * read and do not write the book), with the same checks as openWorkbook.
 */
export async function readWorkbook(file: string, options: { allowEmpty: boolean; io?: CliIo }): Promise<WorkbookSnapshot> {
  const progress = options.io?.progress;
  const snapshot = await readSnapshotFile(file, { onProgress: (read, total) => progress?.rows(read, total) });
  checkOperations(file, snapshot, options);
  return snapshot;
}

function checkOperations(file: string, snapshot: WorkbookSnapshot, options: { allowEmpty: boolean }): void {
  if (locateTables(snapshot).operations === null && !(options.allowEmpty && isEmptyWorkbook(snapshot))) {
    throw new UnusableInputError(
      CliMessages.noOperationsSheet(file),
      { code: "sin-hoja-de-operaciones" },
    );
  }
}
