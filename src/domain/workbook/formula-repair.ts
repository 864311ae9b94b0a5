import { a1Address, qualifiedAddress } from "./a1";
import { TABLES } from "./headers";
import type { CellWrite, Plan } from "./plan";
import type { WorkbookSnapshot } from "./snapshot";

/** Tables the add-in writes ADUANA formulas into: the record tables and every `tblEvaluacionAAAA`. */
function isAddinTable(name: string): boolean {
  return (Object.values(TABLES) as string[]).includes(name) || /^tblEvaluacion\d{4}$/.test(name);
}

/** The re-entry plan and the cells it covers, as "Hoja!A1" addresses. */
export interface FormulaRepair {
  plan: Plan;
  cells: string[];
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
          if (formula === null || value !== "#NAME?" || !/\bADUANA\./i.test(formula)) continue;
          writes.push({ row: r, col: c, formula, expected: formula });
          cells.push(qualifiedAddress(sheet.name, a1Address(r, c)));
        }
      }
    }
    if (writes.length > 0) plan.steps.push({ kind: "writeCells", sheet: sheet.name, cells: writes });
  }
  if (cells.length > 0) plan.notes.push(`Se volvieron a escribir ${cells.length} fórmulas ADUANA que mostraban #NAME?.`);
  return { plan, cells };
}
