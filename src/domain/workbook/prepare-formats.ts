import { absoluteA1Address, columnLetters } from "./a1";
import { OPERATION_HEADERS, SHEETS, TABLES } from "./headers";
import type { ListValidationStep } from "./plan";
import type { PreparationContext } from "./prepare-structure";
import type { ColumnSpec, ListSource } from "./schema-types";
import { canonicalFormula, canonicalListSource } from "./formula-text";
import { columnBody, tableBody } from "./table-layout";
import type { TableLayout } from "./table-layout";
import { WorkbookMessages } from "./messages";

/** Light red fill with dark red text, Excel's own "bad" style. */
const LATE_FILL = "#FFC7CE";
const LATE_FONT = "#9C0006";

function listStepSource(list: ListSource): ListValidationStep["source"] {
  if ("values" in list) return { values: [...list.values] };
  return { formula: `=INDIRECT("${list.table}[${list.column}]")` };
}

function listSourceText(list: ListSource): string {
  return "values" in list ? list.values.join(",") : `=INDIRECT("${list.table}[${list.column}]")`;
}

/** Sheet of each table as the workbook (or the plan) has it: «Aliados» when the partners' table lives there. */
export type TableSheets = ReadonlyMap<string, string>;

function listErrorMessage(spec: ColumnSpec, list: ListSource, tableSheets: TableSheets): string {
  if ("values" in list) return WorkbookMessages.listAllows(spec.header, list.values.join(", "));
  const sheet = tableSheets.get(list.table) ?? (list.table === TABLES.alliances ? SHEETS.alliances : SHEETS.parameters);
  return WorkbookMessages.listFromTable(list.column, list.table, sheet);
}

/**
 * Number formats and list validations a column lacks, and widths for the columns the plan creates. List messages
 * name the sheet where `tableSheets` says the source table is.
 */
export function planColumnFormats(ctx: PreparationContext, layout: TableLayout, tableSheets: TableSheets): void {
  for (const spec of layout.schema.columns) {
    const col = layout.columns.get(spec.key);
    if (col === undefined) continue;
    const existing = layout.existingColumns.get(col);
    const area = columnBody(layout, col);
    if (spec.numberFormat && existing?.numberFormat.toLowerCase() !== spec.numberFormat.toLowerCase()) {
      ctx.builder.add("formats", { kind: "numberFormat", sheet: layout.sheetName, area, format: spec.numberFormat });
    }
    if (spec.list) {
      const current = existing?.listValidation;
      if (!current || canonicalListSource(current) !== canonicalListSource(listSourceText(spec.list))) {
        ctx.builder.add("validations", {
          kind: "listValidation",
          sheet: layout.sheetName,
          area,
          source: listStepSource(spec.list),
          errorMessage: listErrorMessage(spec, spec.list, tableSheets),
        });
      }
    }
    if (layout.createdColumns.has(col)) {
      ctx.builder.add("layout", { kind: "columnWidth", sheet: layout.sheetName, col, width: spec.width });
    }
  }
}

/** Freezes the header row (and the title rows above it) of a record table's sheet. */
export function planFreeze(ctx: PreparationContext, layout: TableLayout): void {
  const rows = layout.headerRow + 1;
  if (layout.sheet && layout.sheet.frozenRows === rows) return;
  ctx.builder.add("layout", { kind: "freezeRows", sheet: layout.sheetName, rows });
}

/**
 * Print settings a coordinator expects on a record sheet (operations, alliances, non-conformities): landscape, every
 * column on one page wide, the header row repeated on every page, the sheet's name on top and "Página N de M" below.
 * Planned when the plan builds or widens the table (print settings are not in a snapshot, so not on every run).
 */
export function planPrintSettings(ctx: PreparationContext, layout: TableLayout): void {
  if (layout.createdColumns.size === 0) return;
  ctx.builder.add("layout", {
    kind: "pageSetup",
    sheet: layout.sheetName,
    orientation: "landscape",
    paperSize: "legal",
    fitTo: { wide: 1, tall: 0 },
    printTitleRows: { first: layout.headerRow, last: layout.headerRow },
    header: { center: "&A", right: "Control de Alianzas" },
    footer: { left: "Impreso el &D", center: "Página &P de &N" },
    margins: { left: 0.4, right: 0.4, top: 0.75, bottom: 0.6, header: 0.3, footer: 0.3 },
    centerHorizontally: true,
  });
}

/** The formula that marks a late operation, relative to the first data row. */
export function lateRowFormula(layout: TableLayout): string | null {
  const col = layout.columns.get("ansStatus");
  if (col === undefined) return null;
  const cell = absoluteA1Address(layout.headerRow + 1, col).replace(/\$(\d+)$/, "$1");
  return `=OR(${cell}="No cumple",${cell}="Vencido")`;
}

/** Marks tblOperaciones rows whose Estado ANS is "No cumple" or "Vencido". */
export function planLateHighlight(ctx: PreparationContext, layout: TableLayout): void {
  const formula = lateRowFormula(layout);
  if (!formula) return;
  const wanted = canonicalFormula(formula);
  if (layout.conditionalFormulas.some((existing) => canonicalFormula(existing) === wanted)) return;
  ctx.builder.add("highlights", {
    kind: "conditionalFormat",
    sheet: layout.sheetName,
    area: tableBody(layout),
    formula,
    fill: LATE_FILL,
    fontColor: LATE_FONT,
  });
  const letter = columnLetters(layout.columns.get("ansStatus") ?? 0);
  ctx.builder.note(WorkbookMessages.highlightedRows(OPERATION_HEADERS.ansStatus, letter));
}
