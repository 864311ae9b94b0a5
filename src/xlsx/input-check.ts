import { FileMessages } from "./messages";
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
    throw new UnusableInputError(FileMessages.notFound(shown), { code: "archivo-no-encontrado" });
  }
  if (stat.isDirectory()) throw new UnusableInputError(FileMessages.isFolder(shown), { code: "es-carpeta" });
  const extension = path.extname(file).toLowerCase();
  if (!ACCEPTED_EXTENSIONS.has(extension)) {
    throw new UnusableInputError(
      FileMessages.notXlsx(shown), { code: "no-es-xlsx" },
    );
  }
  if (stat.size === 0) throw new UnusableInputError(FileMessages.empty(shown), { code: "archivo-vacio" });
  const head = await readHead(file);
  if (startsWith(head, OLE_SIGNATURE)) {
    if (head.includes(Buffer.from("EncryptionInfo", "utf16le"))) {
      throw new UnusableInputError(
        FileMessages.passwordProtected(shown), { code: "protegido-con-contrasena" },
      );
    }
    throw new UnusableInputError(FileMessages.oldXls(shown), { code: "xls-antiguo" });
  }
  if (!startsWith(head, ZIP_SIGNATURE)) {
    throw new UnusableInputError(FileMessages.notAZip(shown, extension), { code: "no-es-zip" });
  }
}
