import type ExcelJS from "exceljs";
import type { WorkbookSnapshot } from "../../domain/workbook/snapshot";
import { locateTables } from "../../domain/workbook/table-location";
import { loadWorkbookFile, readSnapshot, UnusableInputError } from "../../xlsx";

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
  const workbook = await loadWorkbookFile(file);
  const snapshot = readSnapshot(workbook);
  if (locateTables(snapshot).operations === null && !(options.allowEmpty && isEmptyWorkbook(snapshot))) {
    throw new UnusableInputError(
      `«${file}» no tiene una hoja de operaciones reconocible: debe haber una fila de encabezados con columnas como DO, Tipo, Cliente, Ciudad y Aliado.`,
      { code: "sin-hoja-de-operaciones" },
    );
  }
  return { workbook, snapshot };
}
