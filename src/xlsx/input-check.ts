import { promises as fs } from "node:fs";
import * as path from "node:path";
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
export async function checkInput(file: string): Promise<void> {
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
