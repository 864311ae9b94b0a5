import WorkbookClass from "exceljs/lib/doc/workbook";
import { ValueType as ValueTypeEnum } from "exceljs/lib/doc/enums";

/**
 * ExcelJS's Workbook class and ValueType enum, loaded from the modules that define them: the package's entry
 * also loads its streaming reader and writer (unzipper, archiver and what they depend on), about half of its
 * load time, which a command would pay at start-up and never use. They are the very objects
 * `import ExcelJS from "exceljs"` gives (ExcelJS's entry requires these same modules).
 */
export const Workbook = WorkbookClass;
export const ValueType = ValueTypeEnum;
