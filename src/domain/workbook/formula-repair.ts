import { a1Address, qualifiedAddress } from "./a1";
import { TABLES } from "./headers";
import type { CellWrite, Plan } from "./plan";
import type { CellValue, WorkbookSnapshot } from "./snapshot";
import { callsAddinFunction, isUnavailableResult } from "./static-copy";
import { WorkbookMessages } from "./messages";

/** Tables the add-in writes ADUANA formulas into: the record tables and every `tblEvaluacionAAAA`. */
export function isAddinTable(name: string): boolean {
  return (Object.values(TABLES) as string[]).includes(name) || /^tblEvaluacion\d{4}$/.test(name);
}

/** The re-entry plan and the cells it covers, as "Hoja!A1" addresses. */
export interface FormulaRepair {
  plan: Plan;
  cells: string[];
}

/** `_xldudf_ADUANA_X(`, the form Excel stores (and may show while the add-in is not loaded), outside text literals. */
const STORED_CALL = /("(?:[^"]|"")*")|(^|[^\p{L}\p{N}_.\\])_xldudf_ADUANA_/giu;

/** An ADUANA formula showing #NAME? (in any of its spellings, `_xldudf_ADUANA_X(` included). */
export function isBrokenAddinCell(formula: string | null, value: CellValue): boolean {
  return formula !== null && isUnavailableResult(value) && callsAddinFunction(formula);
}

/** The formula to write back: as Excel shows it (`ADUANA.X(`), the stored `_xldudf_ADUANA_X(` form turned back. */
export function reenteredFormula(formula: string): string {
  return formula.replace(STORED_CALL, (all, literal: string | undefined, before: string | undefined) => (literal !== undefined ? all : `${before ?? ""}ADUANA.`));
}

/**
 * SPEC §6: after reopening a workbook whose functions live in a shared runtime, ADUANA cells can show #NAME?
 * until re-entered. The plan writes each such formula back unchanged (expected = the same formula).
 */
export function planFormulaRepair(snapshot: WorkbookSnapshot): FormulaRepair {
  const plan: Plan = { steps: [], notes: [] };
  const cells: string[] = [];
  for (const sheet of snapshot.sheets) {
    const writes: CellWrite[] = [];
    for (const table of sheet.tables.filter((t) => isAddinTable(t.name))) {
      for (let r = table.area.row + 1; r < table.area.row + table.area.rowCount; r += 1) {
        for (let c = table.area.col; c < table.area.col + table.area.colCount; c += 1) {
          const formula = sheet.formulas[r - sheet.area.row]?.[c - sheet.area.col] ?? null;
          const value = sheet.values[r - sheet.area.row]?.[c - sheet.area.col] ?? null;
          if (formula === null || !isBrokenAddinCell(formula, value)) continue;
          writes.push({ row: r, col: c, formula: reenteredFormula(formula), expected: formula });
          cells.push(qualifiedAddress(sheet.name, a1Address(r, c)));
        }
      }
    }
    if (writes.length > 0) plan.steps.push({ kind: "writeCells", sheet: sheet.name, cells: writes });
  }
  if (cells.length > 0) plan.notes.push(WorkbookMessages.formulasRepaired(cells.length));
  return { plan, cells };
}
