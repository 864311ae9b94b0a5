import { promises as fs } from "node:fs";
import * as path from "node:path";
import ExcelJS from "exceljs";
import { compactDataValidations } from "./data-validation-ranges";
import { normalizeTables } from "./apply-plan";
import { keepRowBreaksOnRead } from "./row-breaks";
import { UnusableInputError } from "./unusable-input-error";

const ZIP_SIGNATURE = [0x50, 0x4b, 0x03, 0x04];
// Encrypted .xlsx files (and old .xls books) are OLE compound files, not zip archives.
const OLE_SIGNATURE = [0xd0, 0xcf, 0x11, 0xe0];
const ACCEPTED_EXTENSIONS = new Set([".xlsx", ".xlsm"]);

function startsWith(bytes: Buffer, signature: number[]): boolean {
  return signature.every((byte, i) => bytes[i] === byte);
}

async function readHead(file: string): Promise<Buffer> {
  const handle = await fs.open(file, "r");
  try {
    const head = Buffer.alloc(64 * 1024);
    const { bytesRead } = await handle.read(head, 0, head.length, 0);
    return head.subarray(0, bytesRead);
  } finally {
    await handle.close();
  }
}

/** Checks that `file` exists and looks like an .xlsx book; throws UnusableInputError otherwise. */
async function checkInput(file: string): Promise<void> {
  const shown = `«${file}»`;
  let stat;
  try {
    stat = await fs.stat(file);
  } catch {
    throw new UnusableInputError(`No se encontró el archivo ${shown}; revise la ruta y el nombre e intente de nuevo.`, { code: "archivo-no-encontrado" });
  }
  if (stat.isDirectory()) throw new UnusableInputError(`${shown} es una carpeta; indique la ruta de un libro de Excel (.xlsx).`, { code: "es-carpeta" });
  const extension = path.extname(file).toLowerCase();
  if (!ACCEPTED_EXTENSIONS.has(extension)) {
    throw new UnusableInputError(
      `${shown} no es un libro de Excel .xlsx; ábralo en Excel y use «Guardar como» > «Libro de Excel (*.xlsx)».`, { code: "no-es-xlsx" },
    );
  }
  if (stat.size === 0) throw new UnusableInputError(`${shown} está vacío (0 bytes); use una copia en buen estado del libro.`, { code: "archivo-vacio" });
  const head = await readHead(file);
  if (startsWith(head, OLE_SIGNATURE)) {
    if (head.includes(Buffer.from("EncryptionInfo", "utf16le"))) {
      throw new UnusableInputError(
        `${shown} está protegido con contraseña; ábralo en Excel, quite la contraseña (Archivo > Información > Proteger libro) y guárdelo de nuevo.`, { code: "protegido-con-contrasena" },
      );
    }
    throw new UnusableInputError(`${shown} es un libro de Excel antiguo (.xls); ábralo en Excel y guárdelo como «Libro de Excel (*.xlsx)».`, { code: "xls-antiguo" });
  }
  if (!startsWith(head, ZIP_SIGNATURE)) {
    throw new UnusableInputError(`${shown} no es un libro de Excel válido aunque termine en ${extension}; ábralo en Excel y guárdelo de nuevo como .xlsx.`, { code: "no-es-zip" });
  }
}

/** Reads an .xlsx book; every problem with the file becomes one Spanish sentence (UnusableInputError). */
export async function loadWorkbookFile(file: string): Promise<ExcelJS.Workbook> {
  await checkInput(file);
  keepRowBreaksOnRead();
  const wb = new ExcelJS.Workbook();
  try {
    await wb.xlsx.readFile(file);
  } catch {
    throw new UnusableInputError(
      `«${file}» está dañado y no se puede leer; ábralo en Excel para repararlo o use una copia de respaldo.`, { code: "archivo-danado" },
    );
  }
  if (wb.worksheets.length === 0) {
    throw new UnusableInputError(`«${file}» no tiene hojas legibles; revise que sea el cuadro de control de procesos.`, { code: "sin-hojas" });
  }
  for (const ws of wb.worksheets) compactDataValidations(ws);
  return wb;
}

/** Writes `file` through a temporary file in the same folder, so a failed write never leaves half a file behind. */
export async function writeThroughTemporary(file: string, write: (temporary: string) => Promise<void>): Promise<void> {
  const directory = path.dirname(path.resolve(file));
  try {
    await fs.mkdir(directory, { recursive: true });
  } catch (error) {
    throw new UnusableInputError(`No se pudo crear la carpeta «${directory}»; elija otra ubicación para el archivo de salida.`, { code: "carpeta-no-creada", cause: error });
  }
  const temporary = path.join(directory, `.${path.basename(file)}.${process.pid}.tmp`);
  try {
    await write(temporary);
    await fs.rename(temporary, file);
  } catch (error) {
    await fs.rm(temporary, { force: true });
    throw new UnusableInputError(
      `No se pudo escribir «${file}»; cierre el archivo si está abierto en Excel y revise que tenga permiso de escritura en esa carpeta.`, { code: "no-se-pudo-escribir", cause: error },
    );
  }
}

/** Writes the book through a temporary file, so a failed write never leaves half a file behind. */
export async function saveWorkbookFile(wb: ExcelJS.Workbook, file: string): Promise<void> {
  normalizeTables(wb);
  await writeThroughTemporary(file, (temporary) => wb.xlsx.writeFile(temporary));
}
