import { a1Address, absoluteA1Address, quotedSheetName } from "./a1";
import { excelTextKey, readText } from "./cell-reading";
import { canonicalReference } from "./formula-text";
import { SETTING_NAMES, SHEETS, TODAY_NAME } from "./headers";
import { createTable, restructureTable } from "./prepare-structure";
import type { PreparationContext } from "./prepare-structure";
import { PARAMETER_SCHEMAS } from "./schema";
import { planStatusDate, readStatusDate, STATUS_DATE_FORMAT, statusDateFormula } from "./status-date";
import { planTableAppend, type AppendedCell } from "./table-append";
import { findSheet, isEmptySheet, lastUsedCol } from "./sheet-cells";
import { cellFormula, cellValue } from "./sheet-cells";
import type { WorkbookSnapshot } from "./snapshot";
import type { TableLayout } from "./table-layout";
import type { LocatedTables } from "./table-location";
import { WorkbookMessages } from "./messages";

/**
 * The Parámetros tables: existing ones completed, missing ones laid out left to right on the
 * Parámetros sheet (created when absent), after whatever the sheet already holds.
 */
export function planParameterTables(
  ctx: PreparationContext,
  snapshot: WorkbookSnapshot,
  tables: LocatedTables,
): TableLayout[] {
  const layouts: TableLayout[] = [];
  const existingSheet = findSheet(snapshot, SHEETS.parameters) ?? null;
  const sheetName = existingSheet?.name ?? SHEETS.parameters;
  let nextCol: number | null = null;
  for (const schema of PARAMETER_SCHEMAS) {
    const located = tables[schema.entity];
    if (located) {
      layouts.push(restructureTable(ctx, located));
      continue;
    }
    if (nextCol === null) {
      if (!existingSheet) {
        ctx.builder.add("sheets", { kind: "addSheet", sheet: sheetName });
        ctx.sheetNames.add(sheetName.toLowerCase());
        ctx.builder.note(WorkbookMessages.sheetCreated(sheetName));
      }
      nextCol = !existingSheet || isEmptySheet(existingSheet) ? 0 : lastUsedCol(existingSheet) + 2;
    }
    const layout = createTable(ctx, schema, { sheetName, sheet: existingSheet, row: 0, col: nextCol });
    layouts.push(layout);
    nextCol += layout.colCount + 1;
  }
  return layouts;
}

/**
 * Makes sure tblParametros has a "Hoy" row holding the status date (status-date.ts: a plain date the add-in
 * writes, shown as "Estado al dd/mm/yyyy") and that ADUANA_HOY names its cell. A date typed by hand is kept.
 */
export function planTodayName(ctx: PreparationContext, snapshot: WorkbookSnapshot, settings: TableLayout): void {
  const nameCol = settings.columns.get("name");
  const valueCol = settings.columns.get("value");
  if (nameCol === undefined || valueCol === undefined) return;
  let todayRow: number | null = settings.located ? null : settings.headerRow + 1;
  const sheet = settings.sheet;
  let appended = false;
  if (settings.located && sheet) {
    const todayKey = excelTextKey(SETTING_NAMES.today);
    for (let row = settings.headerRow + 1; row <= settings.headerRow + settings.dataRowCount; row++) {
      if (excelTextKey(readText(cellValue(sheet, row, nameCol))) === todayKey) {
        todayRow = row;
        break;
      }
    }
    if (todayRow === null) {
      const newRow = new Array<AppendedCell>(settings.colCount).fill(null);
      newRow[nameCol - settings.firstCol] = SETTING_NAMES.today;
      newRow[valueCol - settings.firstCol] = { formula: statusDateFormula(ctx.today), result: Math.floor(ctx.today) };
      const area = { row: settings.headerRow, col: settings.firstCol, rowCount: settings.dataRowCount + 1, colCount: settings.colCount };
      const placed = planTableAppend({ sheet, table: settings.schema.table, area, rows: [newRow] });
      if (!placed.step) {
        ctx.builder.note(WorkbookMessages.settingRowNotAdded(SETTING_NAMES.today, settings.schema.table, placed.blocker ?? ""));
        return;
      }
      ctx.builder.add("structure", placed.step);
      todayRow = placed.rows[0] ?? null;
      appended = true;
      ctx.builder.note(WorkbookMessages.settingRowAdded(SETTING_NAMES.today, settings.schema.table));
    }
  }
  if (todayRow === null) return;
  const cell = sheet && settings.located && !appended ? { formula: cellFormula(sheet, todayRow, valueCol) ?? null, value: cellValue(sheet, todayRow, valueCol) } : { formula: null, value: null };
  const write = appended ? null : planStatusDate({ ...cell, row: todayRow, col: valueCol }, ctx.today, "prepare");
  if (write) {
    ctx.builder.add("structure", { kind: "writeCells", sheet: settings.sheetName, cells: [write] });
    if (readStatusDate(cell).owner === "volatile") {
      ctx.builder.note(WorkbookMessages.statusDateFixed(`${settings.sheetName}!${a1Address(todayRow, valueCol)}`));
    }
  }
  if (write || appended) {
    const area = { row: todayRow, col: valueCol, rowCount: 1, colCount: 1 };
    ctx.builder.add("formats", { kind: "numberFormat", sheet: settings.sheetName, area, format: STATUS_DATE_FORMAT });
  }
  const reference = `=${quotedSheetName(settings.sheetName)}!${absoluteA1Address(todayRow, valueCol)}`;
  const current = snapshot.names[TODAY_NAME];
  if (current !== undefined && canonicalReference(current) === canonicalReference(reference)) return;
  ctx.builder.add("names", { kind: "defineName", name: TODAY_NAME, reference });
  ctx.builder.note(WorkbookMessages.todayNameDefined(TODAY_NAME, reference.slice(1)));
}
