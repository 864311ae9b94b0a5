// Small ExcelJS 4.4 utility modules the streaming reader shares with ExcelJS, so both read formulas and names alike.
declare module "exceljs/lib/utils/shared-formula" {
  export function slideFormula(formula: string, fromCell: string, toCell: string): string;
}
declare module "exceljs/lib/utils/col-cache" {
  const colCache: { decodeEx(range: string): unknown; n2l(col: number): string };
  export = colCache;
}
declare module "exceljs/lib/doc/defined-names" {
  class DefinedNames {
    model: { name: string; ranges: string[] }[];
  }
  export = DefinedNames;
}
declare module "exceljs/lib/xlsx/defaultnumformats" {
  const formats: Record<string, { f: string } | undefined>;
  export = formats;
}
// ExcelJS's Workbook class and its enums, from the modules that define them (see exceljs-workbook.ts).
declare module "exceljs/lib/doc/workbook" {
  import type { Workbook } from "exceljs";
  const WorkbookClass: typeof Workbook;
  export = WorkbookClass;
}
declare module "exceljs/lib/doc/enums" {
  import type { ValueType as ValueTypeEnum } from "exceljs";
  export const ValueType: typeof ValueTypeEnum;
}
