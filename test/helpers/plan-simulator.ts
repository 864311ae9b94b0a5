/**
 * Applies a Plan to a WorkbookSnapshot the way an adapter would, in memory, so domain tests can check
 * idempotence and that user cells keep their values. Throws when a step's `expected` does not match
 * what the cell holds (the plan misread the workbook) or a table would be malformed.
 */
import type { Plan, PlanStep } from "../../src/domain/workbook/plan";
import type { CellValue, GridArea, SheetSnapshot, TableSnapshot, WorkbookSnapshot } from "../../src/domain/workbook/snapshot";
import { Grid, sheetArea } from "./snapshot-builder";

interface SheetState {
  name: string;
  grid: Grid;
  tables: { name: string; area: GridArea }[];
  formats: Map<string, string>;
  validations: Map<string, string>;
  conditional: { area: GridArea; formula: string }[];
  frozenRows: number;
}

function stateOf(sheet: SheetSnapshot): SheetState {
  const grid = new Grid();
  const formats = new Map<string, string>();
  const validations = new Map<string, string>();
  sheet.values.forEach((row, r) =>
    row.forEach((value, c) => {
      const formula = sheet.formulas[r]?.[c] ?? null;
      const at = { row: sheet.area.row + r, col: sheet.area.col + c };
      if (formula) grid.set(at.row, at.col, { formula, value });
      else if (value !== null) grid.set(at.row, at.col, value);
    }),
  );
  const conditional: SheetState["conditional"] = [];
  for (const table of sheet.tables) {
    table.columns.forEach((column, i) => {
      const key = `${table.area.row + 1},${table.area.col + i}`;
      if (column.numberFormat !== "General") formats.set(key, column.numberFormat);
      if (column.listValidation) validations.set(key, column.listValidation);
    });
    for (const formula of table.conditionalFormulas) conditional.push({ area: table.area, formula });
  }
  return {
    name: sheet.name,
    grid,
    tables: sheet.tables.map((table) => ({ name: table.name, area: { ...table.area } })),
    formats,
    validations,
    conditional,
    frozenRows: sheet.frozenRows,
  };
}

function current(grid: Grid, row: number, col: number): CellValue {
  const key = `${row},${col}`;
  return grid.formulas.get(key) ?? grid.values.get(key) ?? null;
}

function checkExpected(sheet: SheetState, row: number, col: number, expected: CellValue): void {
  const actual = current(sheet.grid, row, col);
  if (actual !== expected) {
    throw new Error(`Plan mal leído: ${sheet.name}!(${row},${col}) tiene ${JSON.stringify(actual)}, el plan esperaba ${JSON.stringify(expected)}`);
  }
}

function forArea(area: GridArea, visit: (row: number, col: number) => void): void {
  for (let r = area.row; r < area.row + area.rowCount; r++) for (let c = area.col; c < area.col + area.colCount; c++) visit(r, c);
}

function overlaps(a: GridArea, b: GridArea): boolean {
  return a.row < b.row + b.rowCount && b.row < a.row + a.rowCount && a.col < b.col + b.colCount && b.col < a.col + a.colCount;
}

export interface SimulationLog {
  /** Sheets copied, by copy name. */
  copies: string[];
  /** Every cell written, "Sheet!row,col". */
  writes: string[];
}

/** The snapshot an adapter would read after applying the plan. */
export function applyPlanToSnapshot(snapshot: WorkbookSnapshot, plan: Plan, log?: SimulationLog): WorkbookSnapshot {
  const sheets = snapshot.sheets.map(stateOf);
  const names = { ...snapshot.names };
  const sheetNamed = (name: string): SheetState => {
    const sheet = sheets.find((candidate) => candidate.name === name);
    if (!sheet) throw new Error(`El plan usa una hoja que no existe: ${name}`);
    return sheet;
  };
  const tableNamed = (name: string) => {
    for (const sheet of sheets) {
      const table = sheet.tables.find((candidate) => candidate.name.toLowerCase() === name.toLowerCase());
      if (table) return { sheet, table };
    }
    throw new Error(`El plan usa una tabla que no existe: ${name}`);
  };
  const write = (sheet: SheetState, row: number, col: number, cell: CellValue | { formula: string; value?: CellValue }) => {
    sheet.grid.set(row, col, cell);
    log?.writes.push(`${sheet.name}!${row},${col}`);
  };
  for (const step of plan.steps as PlanStep[]) {
    switch (step.kind) {
      case "copySheet": {
        const source = sheetNamed(step.sheet);
        if (sheets.some((sheet) => sheet.name.toLowerCase() === step.copyName.toLowerCase())) throw new Error(`Hoja repetida ${step.copyName}`);
        if (step.copyName.length > 31 || /[[\]:*?/\\]/.test(step.copyName)) throw new Error(`Nombre de hoja inválido ${step.copyName}`);
        const copy = stateOf(snapshotSheet(source, 0));
        copy.name = step.copyName;
        // Table names are unique in a workbook: the copy's tables get the first free name2, name3… (as both adapters do).
        const taken = (name: string) => [...sheets, copy].some((sheet) => sheet.tables.some((t) => t.name.toLowerCase() === name.toLowerCase()));
        copy.tables = [];
        for (const table of stateOf(snapshotSheet(source, 0)).tables) {
          let n = 2;
          while (taken(`${table.name}${n}`)) n += 1;
          copy.tables.push({ ...table, name: `${table.name}${n}` });
        }
        sheets.push(copy);
        log?.copies.push(step.copyName);
        break;
      }
      case "addSheet":
        if (sheets.some((sheet) => sheet.name.toLowerCase() === step.sheet.toLowerCase())) throw new Error(`Hoja repetida ${step.sheet}`);
        sheets.splice(Math.min(step.position ?? sheets.length, sheets.length), 0, {
          name: step.sheet,
          grid: new Grid(),
          tables: [],
          formats: new Map(),
          validations: new Map(),
          conditional: [],
          frozenRows: 0,
        });
        break;
      case "writeCells": {
        const sheet = sheetNamed(step.sheet);
        for (const cell of step.cells) {
          checkExpected(sheet, cell.row, cell.col, cell.expected);
          write(sheet, cell.row, cell.col, cell.formula ? { formula: cell.formula, value: cell.result ?? null } : (cell.value ?? null));
        }
        break;
      }
      case "fillColumn": {
        const sheet = sheetNamed(step.sheet);
        if (step.expected.length !== step.rowCount) throw new Error("fillColumn: expected no coincide con rowCount");
        for (let i = 0; i < step.rowCount; i++) {
          checkExpected(sheet, step.firstRow + i, step.col, step.expected[i] ?? null);
          write(sheet, step.firstRow + i, step.col, { formula: step.formula, value: step.results?.[i] ?? null });
        }
        break;
      }
      case "createTable": {
        const sheet = sheetNamed(step.sheet);
        for (const other of sheets.flatMap((s) => s.tables)) {
          if (other.name.toLowerCase() === step.table.toLowerCase()) throw new Error(`Tabla repetida ${step.table}`);
        }
        for (const other of sheet.tables) if (overlaps(other.area, step.area)) throw new Error(`La tabla ${step.table} se superpone a ${other.name}`);
        checkHeaders(sheet, step.area);
        sheet.tables.push({ name: step.table, area: { ...step.area } });
        break;
      }
      case "resizeTable": {
        const { sheet, table } = tableNamed(step.table);
        if (table.area.row !== step.area.row || table.area.col !== step.area.col) throw new Error("resizeTable movió la tabla");
        table.area = { ...step.area };
        checkHeaders(sheet, table.area);
        break;
      }
      case "renameTable":
        tableNamed(step.table).table.name = step.newName;
        break;
      case "appendTableRows": {
        const { sheet, table } = tableNamed(step.table);
        const same = (a: GridArea, b: GridArea) => a.row === b.row && a.col === b.col && a.rowCount === b.rowCount && a.colCount === b.colCount;
        if (!same(table.area, step.area)) throw new Error(`Plan mal leído: la tabla ${step.table} no ocupa el área que el plan esperaba`);
        if (step.newArea.row !== step.area.row || step.newArea.col !== step.area.col || step.newArea.colCount !== step.area.colCount) {
          throw new Error("appendTableRows movió la tabla");
        }
        for (const cell of step.cells) {
          if (!overlaps({ row: cell.row, col: cell.col, rowCount: 1, colCount: 1 }, step.newArea)) throw new Error("appendTableRows escribe fuera de la tabla");
          checkExpected(sheet, cell.row, cell.col, cell.expected);
          write(sheet, cell.row, cell.col, cell.formula ? { formula: cell.formula, value: cell.result ?? null } : (cell.value ?? null));
        }
        table.area = { ...step.newArea };
        break;
      }
      case "numberFormat": {
        const sheet = sheetNamed(step.sheet);
        forArea(step.area, (r, c) => sheet.formats.set(`${r},${c}`, step.format));
        break;
      }
      case "listValidation": {
        const sheet = sheetNamed(step.sheet);
        const source = "formula" in step.source ? step.source.formula : step.source.values.join(",");
        forArea(step.area, (r, c) => sheet.validations.set(`${r},${c}`, source));
        break;
      }
      case "wholeNumberValidation": {
        const sheet = sheetNamed(step.sheet);
        // Not a list: the snapshot's listValidation says none.
        forArea(step.area, (r, c) => sheet.validations.delete(`${r},${c}`));
        break;
      }
      case "conditionalFormat":
        sheetNamed(step.sheet).conditional.push({ area: step.area, formula: step.formula });
        break;
      case "freezeRows":
        sheetNamed(step.sheet).frozenRows = step.rows;
        break;
      case "defineName":
        names[step.name] = step.reference;
        break;
      case "cellStyle": {
        const sheet = sheetNamed(step.sheet);
        if (step.style.merge) {
          for (const table of sheet.tables) if (overlaps(table.area, step.area)) throw new Error(`No se pueden combinar celdas dentro de la tabla ${table.name}`);
        }
        break;
      }
      case "pageSetup": {
        const sheet = sheetNamed(step.sheet);
        if (step.fitTo && (step.rowBreaks ?? []).length > 0) throw new Error(`${sheet.name}: Excel ignora los saltos de página al ajustar a páginas`);
        if (step.printTitleRows && step.printArea && step.printTitleRows.first < step.printArea.row) throw new Error("Filas de títulos fuera del área de impresión");
        break;
      }
      case "columnWidth":
      case "chart":
      case "activate":
        sheetNamed(step.sheet);
        break;
      default: {
        const unknown: never = step;
        throw new Error(`Paso de plan desconocido: ${JSON.stringify(unknown)}`);
      }
    }
  }
  return { sheets: sheets.map((sheet, position) => snapshotOf(sheet, position)), names };
}

function checkHeaders(sheet: SheetState, area: GridArea): void {
  const seen = new Set<string>();
  for (let c = area.col; c < area.col + area.colCount; c++) {
    const header = sheet.grid.values.get(`${area.row},${c}`);
    if (header === null || header === undefined || String(header).trim() === "") throw new Error(`Encabezado vacío en ${sheet.name} (${area.row},${c})`);
    const key = String(header).toLowerCase();
    if (seen.has(key)) throw new Error(`Encabezado repetido «${String(header)}» en ${sheet.name}`);
    seen.add(key);
  }
}

function snapshotOf(sheet: SheetState, position: number): SheetSnapshot {
  const tables: TableSnapshot[] = sheet.tables.map((table) => ({
    name: table.name,
    area: { ...table.area },
    columns: Array.from({ length: table.area.colCount }, (_, i) => {
      const key = `${table.area.row + 1},${table.area.col + i}`;
      return {
        header: String(sheet.grid.values.get(`${table.area.row},${table.area.col + i}`) ?? ""),
        numberFormat: sheet.formats.get(key) ?? "General",
        listValidation: sheet.validations.get(key) ?? null,
      };
    }),
    conditionalFormulas: sheet.conditional.filter((cf) => overlaps(cf.area, table.area)).map((cf) => cf.formula),
  }));
  const area = sheetArea(sheet.grid, tables);
  return { name: sheet.name, area, ...sheet.grid.toArrays(area), tables, frozenRows: sheet.frozenRows, position };
}

/** Snapshot of one sheet state (used to copy a sheet with its formats). */
function snapshotSheet(sheet: SheetState, position: number): SheetSnapshot {
  return snapshotOf(sheet, position);
}
