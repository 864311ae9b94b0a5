import { FunctionMessages } from "./messages";
import { CalendarRangeError } from "../domain/calendar";

/** What Excel shows for a failed custom function: an error code and a Spanish message. */
export interface ExcelErrorLike {
  readonly code: string;
  readonly message?: string;
}

/** A bad argument, described in Spanish for the user; becomes #VALUE!. */
export class InvalidArgument extends Error {
  constructor(message: string) {
    super(message);
    this.name = "InvalidArgument";
  }
}

/** Stand-in for CustomFunctions.Error where the Office runtime is absent (Node tests, benchmarks). */
export class LocalExcelError extends Error implements ExcelErrorLike {
  constructor(
    readonly code: string,
    message: string,
  ) {
    super(message);
    this.name = "LocalExcelError";
  }
}

const INVALID_VALUE = "#VALUE!";

/** #VALUE! with a message, built by the Office runtime when it is there (resolved at call time). */
export function invalidValueError(message: string): ExcelErrorLike {
  if (typeof CustomFunctions !== "undefined" && typeof CustomFunctions.Error === "function") {
    return new CustomFunctions.Error(CustomFunctions.ErrorCode.invalidValue, message);
  }
  return new LocalExcelError(INVALID_VALUE, message);
}

function toExcelError(error: unknown): ExcelErrorLike {
  if (error instanceof InvalidArgument || error instanceof CalendarRangeError) {
    return invalidValueError(error.message);
  }
  const detail = error instanceof Error ? error.message : String(error);
  return invalidValueError(FunctionMessages.notComputed(detail));
}

/**
 * Runs a function body so that any failure reaches Excel as #VALUE! with a Spanish message. It throws, as
 * Microsoft's docs do ("Detect and throw an error": `throw new CustomFunctions.Error(invalidValue, message)`,
 * learn.microsoft.com/office/dev/add-ins/excel/custom-functions-errors). Returning the error instead would not
 * avoid the web's stuck #BUSY!: it is reported "when a function returns or throws" one (office-js#3234).
 */
export function withExcelErrors<T>(compute: () => T): T {
  try {
    return compute();
  } catch (error) {
    throw toExcelError(error);
  }
}
