import { CliMessages } from "./messages";
import { FileMessages } from "../xlsx/messages";
import { execFile } from "node:child_process";
import { randomUUID } from "node:crypto";
import { accessSync, constants, promises as fs } from "node:fs";
import { tmpdir } from "node:os";
import * as path from "node:path";
import { pathToFileURL } from "node:url";
import { promisify } from "node:util";
import { UnusableInputError } from "../xlsx/unusable-input-error";

/** What to do when LibreOffice is missing: said before anything is written. */
export const LIBREOFFICE_MISSING = CliMessages.libreOfficeMissing;

/** Where the installers put soffice when it is not on PATH (macOS and Windows do not add it). */
const INSTALL_LOCATIONS = [
  "/Applications/LibreOffice.app/Contents/MacOS/soffice",
  "C:\\Program Files\\LibreOffice\\program\\soffice.exe",
  "C:\\Program Files (x86)\\LibreOffice\\program\\soffice.exe",
];

function isExecutable(file: string): boolean {
  try {
    accessSync(file, constants.X_OK);
    return true;
  } catch {
    return false;
  }
}

/** The soffice executable: on PATH (soffice, soffice.exe, libreoffice), else where installers put it; null if none. */
export function findSoffice(env: NodeJS.ProcessEnv = process.env): string | null {
  const names = process.platform === "win32" ? ["soffice.exe", "soffice.com"] : ["soffice", "libreoffice"];
  for (const folder of (env["PATH"] ?? "").split(path.delimiter)) {
    if (folder === "") continue;
    for (const name of names) {
      const candidate = path.join(folder, name);
      if (isExecutable(candidate)) return candidate;
    }
  }
  return INSTALL_LOCATIONS.find(isExecutable) ?? null;
}

/** LibreOffice's conversion of a large evaluation takes seconds; a stuck instance is stopped after this. */
const CONVERSION_TIMEOUT_MS = 180_000;

/**
 * Converts an .xlsx workbook (as bytes) to `pdfPath` with LibreOffice headless, in a private profile so it runs
 * beside an open LibreOffice. The PDF appears at `pdfPath` whole or not at all.
 */
export async function convertToPdf(soffice: string, workbook: Buffer, pdfPath: string): Promise<void> {
  const work = await fs.mkdtemp(path.join(tmpdir(), "control-alianzas-pdf-"));
  const profile = path.join(tmpdir(), `lo-${randomUUID()}`);
  const target = path.resolve(pdfPath);
  const partial = path.join(path.dirname(target), `.${path.basename(target)}.${process.pid}.tmp`);
  try {
    const input = path.join(work, "evaluacion.xlsx");
    await fs.writeFile(input, workbook);
    try {
      await promisify(execFile)(
        soffice,
        ["--headless", "--norestore", `-env:UserInstallation=${pathToFileURL(profile).href}`, "--convert-to", "pdf", "--outdir", work, input],
        // Spanish (Colombia) locale: the footer's print date (&D) and the numbers come out as in Excel es-CO
        // (03/12/2026, not 12/03/2026). LibreOffice carries its own locale data; the system need not have es_CO.
        { timeout: CONVERSION_TIMEOUT_MS, env: { ...process.env, LC_ALL: "es_CO.UTF-8", LANG: "es_CO.UTF-8" } },
      );
    } catch (error) {
      const said = typeof error === "object" && error !== null && "stderr" in error ? String(error.stderr).trim().split("\n")[0] : "";
      throw new UnusableInputError(CliMessages.pdfConversionFailed(soffice, pdfPath, said ?? ""), { cause: error });
    }
    const produced = path.join(work, "evaluacion.pdf");
    const bytes = await fs.readFile(produced).catch(() => null);
    if (!bytes || bytes.subarray(0, 5).toString("latin1") !== "%PDF-") {
      throw new UnusableInputError(CliMessages.pdfNotProduced(pdfPath));
    }
    try {
      await fs.mkdir(path.dirname(target), { recursive: true });
      await fs.writeFile(partial, bytes);
      await fs.rename(partial, target);
    } catch (error) {
      await fs.rm(partial, { force: true });
      throw new UnusableInputError(FileMessages.notWritten(pdfPath), { cause: error });
    }
  } finally {
    await fs.rm(work, { recursive: true, force: true });
    await fs.rm(profile, { recursive: true, force: true });
  }
}
