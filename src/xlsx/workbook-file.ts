import { FileMessages } from "./messages";
import { promises as fs } from "node:fs";
import * as path from "node:path";
import type ExcelJS from "exceljs";
import { Workbook } from "./exceljs-workbook";
import { compactDataValidations } from "./data-validation-ranges";
import { normalizeTables } from "./apply-plan";
import { fixExcelJsReading } from "./exceljs-read-fixes";
import { checkInput } from "./input-check";
import { UnusableInputError } from "./unusable-input-error";

/** Reads an .xlsx book; every problem with the file becomes one Spanish sentence (UnusableInputError). */
export async function loadWorkbookFile(file: string): Promise<ExcelJS.Workbook> {
  await checkInput(file);
  fixExcelJsReading();
  const wb = new Workbook();
  try {
    await wb.xlsx.readFile(file);
  } catch {
    throw new UnusableInputError(FileMessages.damaged(file), { code: "archivo-danado" });
  }
  if (wb.worksheets.length === 0) {
    throw new UnusableInputError(FileMessages.noSheets(file), { code: "sin-hojas" });
  }
  for (const ws of wb.worksheets) compactDataValidations(ws);
  return wb;
}

/**
 * Whether the package holds charts. They live in xl/charts/; the zip's directory stores entry names as plain bytes,
 * so a chart is visible without unzipping. ExcelJS cannot carry charts: a book it loads and saves whole loses them.
 */
export async function hasCharts(file: string): Promise<boolean> {
  const bytes = await fs.readFile(file);
  return bytes.includes(Buffer.from("xl/charts/chart", "latin1"));
}

/** Writes `file` through a temporary file in the same folder, so a failed write never leaves half a file behind. */
export async function writeThroughTemporary(file: string, write: (temporary: string) => Promise<void>): Promise<void> {
  const directory = path.dirname(path.resolve(file));
  try {
    await fs.mkdir(directory, { recursive: true });
  } catch (error) {
    throw new UnusableInputError(FileMessages.folderNotCreated(directory), { code: "carpeta-no-creada", cause: error });
  }
  const temporary = path.join(directory, `.${path.basename(file)}.${process.pid}.tmp`);
  try {
    await write(temporary);
    await fs.rename(temporary, file);
  } catch (error) {
    await fs.rm(temporary, { force: true });
    throw new UnusableInputError(FileMessages.notWritten(file), { code: "no-se-pudo-escribir", cause: error });
  }
}

/** Writes the book through a temporary file, so a failed write never leaves half a file behind. */
export async function saveWorkbookFile(wb: ExcelJS.Workbook, file: string): Promise<void> {
  normalizeTables(wb);
  await writeThroughTemporary(file, (temporary) => wb.xlsx.writeFile(temporary));
}
