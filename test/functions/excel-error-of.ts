import type { ExcelErrorLike } from "../../src/functions/excel-error";

/** The Excel error a custom function throws, or a test failure when it returns normally. */
export function excelErrorOf(call: () => unknown): ExcelErrorLike {
  try {
    call();
  } catch (error) {
    return error as ExcelErrorLike;
  }
  throw new Error("the function returned a value instead of an Excel error");
}
