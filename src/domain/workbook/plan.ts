import type { CellValue, GridArea } from "./snapshot";

/**
 * A declarative change to a workbook, produced by the domain from a Snapshot and applied by an adapter
 * (src/excel for Office.js, src/xlsx for ExcelJS). Applying a Plan and planning again yields an empty Plan.
 * Coordinates are 0-based sheet coordinates, as in the Snapshot.
 *
 * Co-authoring: every write carries what the cell held when it was read (`expected`); an adapter that can
 * re-read (Office.js) skips a cell whose content changed since, and reports it as a conflict.
 */
export type PlanStep =
  | CopySheetStep
  | AddSheetStep
  | WriteCellsStep
  | FillColumnStep
  | CreateTableStep
  | ResizeTableStep
  | RenameTableStep
  | AppendTableRowsStep
  | NumberFormatStep
  | ListValidationStep
  | WholeNumberValidationStep
  | ConditionalFormatStep
  | FreezeRowsStep
  | ColumnWidthStep
  | DefineNameStep
  | ChartStep
  | CellStyleStep
  | PageSetupStep
  | ActivateStep;

/** Keep a copy of a sheet before restructuring it ("Respaldo …"). Always planned before the steps that touch `sheet`. */
export interface CopySheetStep {
  kind: "copySheet";
  sheet: string;
  copyName: string;
}

export interface AddSheetStep {
  kind: "addSheet";
  sheet: string;
  /** Tab position; omitted = at the end. */
  position?: number;
}

/** A cell to write: either a constant or a formula (English function names, comma separators, `[@[Col]]` refs). */
export interface CellWrite {
  row: number;
  col: number;
  value?: CellValue;
  formula?: string;
  /** Value the formula is expected to compute (lets file mode store a cached result). */
  result?: CellValue;
  /** What the cell held when read: the formula if it had one, else its value (null = empty). */
  expected: CellValue;
}

export interface WriteCellsStep {
  kind: "writeCells";
  sheet: string;
  cells: CellWrite[];
}

/** The same relative formula down a run of rows of one column (a table's calculated column). */
export interface FillColumnStep {
  kind: "fillColumn";
  sheet: string;
  col: number;
  firstRow: number;
  rowCount: number;
  formula: string;
  /** Optional cached results, one per row (file mode writes them so other readers see values). */
  results?: CellValue[];
  /** What each cell held when read (formula or value, null = empty); one per row. */
  expected: CellValue[];
}

/** Turn a range (header row + data rows) into an Excel table. The header cells are already written. */
export interface CreateTableStep {
  kind: "createTable";
  sheet: string;
  table: string;
  area: GridArea;
  /** Table style, e.g. "TableStyleMedium2". */
  style: string;
}

/** Grow a table to a new area (same header row and first column), e.g. after new columns were written. */
export interface ResizeTableStep {
  kind: "resizeTable";
  sheet: string;
  table: string;
  area: GridArea;
}

/** Give an existing table its SPEC name (a coordinator's "Tabla1" that holds the operations). */
export interface RenameTableStep {
  kind: "renameTable";
  sheet: string;
  table: string;
  newName: string;
}

/**
 * New rows for a table, placed by the domain (see table-append.ts): `cells` go into blank rows at the table's
 * bottom that are reused and into the rows right under it, and the table then spans `newArea`. Nothing is
 * inserted or shifted: adapters write the cells and resize the table, as Microsoft documents for co-authoring
 * (https://learn.microsoft.com/office/dev/add-ins/excel/co-authoring-in-excel-add-ins#avoid-table-row-conflicts-in-coauthoring-scenarios).
 */
export interface AppendTableRowsStep {
  kind: "appendTableRows";
  sheet: string;
  table: string;
  /** The table's area when the step runs (header row and data rows). */
  area: GridArea;
  /** Every cell written, each with what it held when read (a conflict check refuses the step if it changed). */
  cells: CellWrite[];
  /** The table's area afterwards: same header row and columns, as many rows or more. */
  newArea: GridArea;
}

export interface NumberFormatStep {
  kind: "numberFormat";
  sheet: string;
  area: GridArea;
  format: string;
}

/** A list validation: `source` is a formula (`=Parámetros!$A$2:$A$8`, `=INDIRECT("tblAlianzas[Aliado]")`) or a literal list. */
export interface ListValidationStep {
  kind: "listValidation";
  sheet: string;
  area: GridArea;
  source: { formula: string } | { values: string[] };
  /** Spanish message shown when the user types a value outside the list. */
  errorMessage: string;
}

/** Whole numbers between min and max only (e.g. manual scores 1–5). */
export interface WholeNumberValidationStep {
  kind: "wholeNumberValidation";
  sheet: string;
  area: GridArea;
  min: number;
  max: number;
  /** Spanish message shown when the user types anything else. */
  errorMessage: string;
}

/** A formula-based conditional format on an area; `formula` is relative to the area's top-left cell. */
export interface ConditionalFormatStep {
  kind: "conditionalFormat";
  sheet: string;
  area: GridArea;
  formula: string;
  fill: string;
  fontColor: string;
}

export interface FreezeRowsStep {
  kind: "freezeRows";
  sheet: string;
  rows: number;
}

export interface ColumnWidthStep {
  kind: "columnWidth";
  sheet: string;
  col: number;
  /** Width in characters (as Excel shows it). */
  width: number;
}

export interface DefineNameStep {
  kind: "defineName";
  name: string;
  /** e.g. "='Parámetros'!$B$2" */
  reference: string;
}

/** A chart (clustered columns unless `chartType` says otherwise); file mode cannot draw charts and says so. */
export interface ChartStep {
  kind: "chart";
  sheet: string;
  name: string;
  title: string;
  /** Category labels (one column) and values (one column per series), same row count. */
  categories: GridArea;
  values: GridArea;
  /** Omitted = clustered columns. */
  chartType?: "columnClustered" | "line" | "barStacked";
  /** One name per column of `values`, shown in the legend; omitted = one series and no legend. */
  seriesNames?: string[];
  /** Where the chart's top-left corner goes. */
  anchor: { row: number; col: number };
}

/** How a range looks: fonts, fill, wrapping, alignment, a bottom border (a line to write or sign on), row height. */
export interface CellStyle {
  bold?: boolean;
  italic?: boolean;
  /** Points. */
  fontSize?: number;
  /** "#RRGGBB". */
  fontColor?: string;
  /** "#RRGGBB"; null removes the fill. */
  fill?: string | null;
  wrap?: boolean;
  horizontal?: "left" | "center" | "right";
  vertical?: "top" | "center" | "bottom";
  /** "thin" draws a line under every cell of the area; "none" removes it. */
  bottomBorder?: "thin" | "medium" | "none";
  /** Thin borders around every cell of the area (a small table outside an Excel table). */
  gridBorders?: boolean;
  /** Height of every row of the area, in points. */
  rowHeight?: number;
  /** Fit the rows' height to their wrapped text where the application can (Excel); a file reader fits it on open. */
  autofitRows?: boolean;
  /** Merge the area into one cell (never inside an Excel table). */
  merge?: boolean;
}

/** Formats a range; applied after the values, so a new sheet's title block and signature lines look like a document. */
export interface CellStyleStep {
  kind: "cellStyle";
  sheet: string;
  area: GridArea;
  style: CellStyle;
}

/**
 * Header and footer text in Excel's codes: &P page number, &N number of pages, &D print date, && a literal &.
 * Both Excel (Office.js) and the .xlsx file store them as is.
 */
export interface HeaderFooterText {
  left?: string;
  center?: string;
  right?: string;
}

/** How a sheet prints (Excel's "Configurar página"). Replaces the sheet's print settings with these. */
export interface PageSetupStep {
  kind: "pageSetup";
  sheet: string;
  orientation: "portrait" | "landscape";
  /** Carta (8.5 × 11 in) or Oficio/Legal (8.5 × 14 in), as Colombian offices print. */
  paperSize: "letter" | "legal";
  /**
   * Fit to this many pages wide and tall (tall 0 = as many as needed). Omitted = print at `scale`.
   * Excel ignores manual page breaks while fitting, so a sheet with `rowBreaks` uses `scale`.
   */
  fitTo?: { wide: number; tall: number };
  /** Percentage 10–400, used when `fitTo` is omitted. */
  scale?: number;
  /** Rows repeated at the top of every printed page (0-based, inclusive). */
  printTitleRows?: { first: number; last: number };
  printArea?: GridArea;
  header?: HeaderFooterText;
  footer?: HeaderFooterText;
  /** Rows that start a new printed page (0-based); each gets a manual page break above it. */
  rowBreaks?: number[];
  /** Margins in inches. */
  margins: { left: number; right: number; top: number; bottom: number; header: number; footer: number };
  centerHorizontally?: boolean;
}

/** Select this sheet (and optionally a cell) when the plan is done. */
export interface ActivateStep {
  kind: "activate";
  sheet: string;
  cell?: { row: number; col: number };
}

/** Every step kind, for suites that must cover each one (a new kind without a case fails them). */
export const PLAN_STEP_KINDS = [
  "copySheet",
  "addSheet",
  "writeCells",
  "fillColumn",
  "createTable",
  "resizeTable",
  "renameTable",
  "appendTableRows",
  "numberFormat",
  "listValidation",
  "wholeNumberValidation",
  "conditionalFormat",
  "freezeRows",
  "columnWidth",
  "defineName",
  "chart",
  "cellStyle",
  "pageSetup",
  "activate",
] as const satisfies readonly PlanStep["kind"][];

/** Compile-time proof that PLAN_STEP_KINDS lists every kind. */
type MissingKinds = Exclude<PlanStep["kind"], (typeof PLAN_STEP_KINDS)[number]>;
const EVERY_KIND_LISTED: MissingKinds extends never ? true : false = true;
void EVERY_KIND_LISTED;

export interface Plan {
  steps: PlanStep[];
  /** One Spanish line per change a coordinator should be told about ("Se creó la tabla tblOperaciones…"). */
  notes: string[];
}
