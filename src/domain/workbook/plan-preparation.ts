import { SHEETS } from "./headers";
import type { Plan } from "./plan";
import { PlanBuilder } from "./plan-builder";
import { planColumnFormats, planFreeze, planLateHighlight, planPrintSettings } from "./prepare-formats";
import { planOperationFormulas } from "./prepare-formulas";
import { planParameterTables, planTodayName } from "./prepare-parameters";
import { createTable, restructureTable } from "./prepare-structure";
import type { PreparationContext } from "./prepare-structure";
import { readWorkbookModel } from "./read-model";
import { RECORD_SCHEMAS } from "./schema";
import type { TableSchema } from "./schema-types";
import { findSheet, isEmptySheet } from "./sheet-cells";
import { uniqueSheetName } from "./sheet-names";
import type { WorkbookSnapshot } from "./snapshot";
import type { TableLayout } from "./table-layout";
import { locateTables } from "./table-location";
import { WorkbookMessages } from "./messages";

export interface PreparationOptions {
  /** Today's serial: the cached value of Hoy and of open operations' Estado ANS. */
  readonly today: number;
}

function placeNewRecordTable(ctx: PreparationContext, snapshot: WorkbookSnapshot, schema: TableSchema): TableLayout {
  const named = findSheet(snapshot, schema.sheet);
  if (named && isEmptySheet(named) && named.tables.length === 0) {
    return createTable(ctx, schema, { sheetName: named.name, sheet: named, row: 0, col: 0 });
  }
  const sheetName = uniqueSheetName(schema.sheet, ctx.sheetNames);
  ctx.sheetNames.add(sheetName.toLowerCase());
  ctx.builder.add("sheets", { kind: "addSheet", sheet: sheetName });
  ctx.builder.note(
    named
      ? WorkbookMessages.sheetCreatedBeside(named.name, schema.table, sheetName)
      : WorkbookMessages.sheetCreated(sheetName),
  );
  return createTable(ctx, schema, { sheetName, sheet: null, row: 0, col: 0 });
}

/**
 * "Preparar" (SPEC §1): the plan that makes a workbook match the SPEC tables — new sheets and tables
 * where missing; a coordinator's plain ranges and odd headers converted in place after a backup copy;
 * calculated columns, number formats, lists, frozen headers and the late-row highlight. Nothing the
 * user typed is changed or moved. Planning again after the plan ran yields no steps.
 * @example planPreparation(snapshotOfEmptyWorkbook, { today }).steps.length > 0
 */
export function planPreparation(snapshot: WorkbookSnapshot, options: PreparationOptions): Plan {
  const ctx: PreparationContext = {
    builder: new PlanBuilder(),
    sheetNames: new Set(snapshot.sheets.map((sheet) => sheet.name.toLowerCase())),
    backedUp: new Set(),
    today: options.today,
  };
  const tables = locateTables(snapshot);
  const model = readWorkbookModel(snapshot);
  const records = RECORD_SCHEMAS.map((schema) => {
    const located = tables[schema.entity];
    return located ? restructureTable(ctx, located) : placeNewRecordTable(ctx, snapshot, schema);
  });
  const parameters = planParameterTables(ctx, snapshot, tables);
  const settings = parameters.find((layout) => layout.schema.entity === "settings");
  if (settings) planTodayName(ctx, snapshot, settings);
  const layouts = [...records, ...parameters];
  const tableSheets = new Map(layouts.map((layout) => [layout.schema.table, layout.sheetName]));
  for (const layout of layouts) {
    if (layout.schema.entity === "operations") {
      planOperationFormulas(ctx, layout, model);
      planLateHighlight(ctx, layout);
    }
    planColumnFormats(ctx, layout, tableSheets);
  }
  for (const layout of records) {
    planFreeze(ctx, layout);
    planPrintSettings(ctx, layout);
  }
  if (ctx.builder.stepCount > 0) {
    const operations = records[0];
    ctx.builder.add("layout", { kind: "activate", sheet: operations?.sheetName ?? SHEETS.operations });
  }
  return ctx.builder.build();
}
