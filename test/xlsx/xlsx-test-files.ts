import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import * as path from "node:path";
import JSZip from "jszip";
import type { WorkbookSnapshot, SheetSnapshot, CellValue } from "../../src/domain/workbook/snapshot";
import { parseA1 } from "../../src/domain/workbook/a1";

/** A fresh temporary folder per test file, removed by `cleanup`. */
export function temporaryFolder(): { file: (name: string) => string; cleanup: () => void } {
  const folder = mkdtempSync(path.join(tmpdir(), "control-alianzas-"));
  return { file: (name) => path.join(folder, name), cleanup: () => rmSync(folder, { recursive: true, force: true }) };
}

/** The text of one part of an .xlsx package (e.g. "xl/tables/table1.xml"). */
export async function packagePart(buffer: Buffer, part: string): Promise<string | null> {
  const zip = await JSZip.loadAsync(buffer);
  const entry = zip.file(part);
  return entry ? entry.async("string") : null;
}

export async function packageParts(buffer: Buffer, prefix: string): Promise<string[]> {
  const zip = await JSZip.loadAsync(buffer);
  return Object.keys(zip.files).filter((name) => name.startsWith(prefix) && !zip.files[name]?.dir);
}

export function sheetOf(snapshot: WorkbookSnapshot, name: string): SheetSnapshot {
  const sheet = snapshot.sheets.find((s) => s.name === name);
  if (!sheet) throw new Error(`no sheet ${name}`);
  return sheet;
}

/** Value of the cell at an A1 address in a snapshot sheet (null outside its used range). */
export function valueAt(sheet: SheetSnapshot, address: string): CellValue {
  const cell = parseA1(address);
  if (!cell) throw new Error(address);
  return sheet.values[cell.row - sheet.area.row]?.[cell.col - sheet.area.col] ?? null;
}

export function formulaAt(sheet: SheetSnapshot, address: string): string | null {
  const cell = parseA1(address);
  if (!cell) throw new Error(address);
  return sheet.formulas[cell.row - sheet.area.row]?.[cell.col - sheet.area.col] ?? null;
}
