import type { TableSchema } from "./schema-types";
import type { ColumnSnapshot, GridArea, SheetSnapshot } from "./snapshot";
import type { LocatedTable } from "./table-location";

/** Where a SPEC table will be once the plan has run: the basis for its formulas, formats and validations. */
export interface TableLayout {
  readonly schema: TableSchema;
  readonly sheetName: string;
  /** The sheet as read, or null when the plan creates it. */
  readonly sheet: SheetSnapshot | null;
  readonly located: LocatedTable | null;
  readonly headerRow: number;
  readonly firstCol: number;
  readonly colCount: number;
  /** Data rows of the table (at least 1: Excel keeps one empty row in an empty table). */
  readonly dataRowCount: number;
  /** SPEC column key → absolute sheet column. */
  readonly columns: ReadonlyMap<string, number>;
  /** Columns that were already in an Excel table, with what the snapshot says of them. */
  readonly existingColumns: ReadonlyMap<number, ColumnSnapshot>;
  /** Columns the plan creates (they get the SPEC width). */
  readonly createdColumns: ReadonlySet<number>;
  /** Conditional-format formulas already on the table. */
  readonly conditionalFormulas: readonly string[];
}

/** The data cells of one column of a layout. */
export function columnBody(layout: TableLayout, col: number): GridArea {
  return { row: layout.headerRow + 1, col, rowCount: layout.dataRowCount, colCount: 1 };
}

/** The whole data body of a layout. */
export function tableBody(layout: TableLayout): GridArea {
  return { row: layout.headerRow + 1, col: layout.firstCol, rowCount: layout.dataRowCount, colCount: layout.colCount };
}
