import { ExcelMessages } from "./messages";
import { EvaluationRefusedError } from "../domain/evaluation";
import { NonconformityInputError } from "../domain/workbook";
import { PlanNotApplicableError } from "./plan-errors";

/** Raised by the actions with a Spanish sentence meant for the user as is. */
export class UserFacingError extends Error {}

/**
 * Office.js error codes (Excel.ErrorCodes, https://learn.microsoft.com/office/dev/add-ins/excel/excel-add-ins-error-handling)
 * a coordinator can do something about, with what to do.
 */
const ADVICE = ExcelMessages.advice;

/** A Spanish sentence for any error raised while `doing` (e.g. "preparar el cuadro"): what failed and what to do. */
export function spanishErrorMessage(error: unknown, doing: string): string {
  // These carry a sentence written for the user already.
  if (
    error instanceof UserFacingError ||
    error instanceof PlanNotApplicableError ||
    error instanceof NonconformityInputError ||
    error instanceof EvaluationRefusedError
  ) {
    return error.message;
  }
  const code = typeof error === "object" && error !== null && "code" in error ? String((error as { code: unknown }).code) : "";
  const detail = error instanceof Error ? error.message : String(error);
  return ExcelMessages.actionFailed(doing, ADVICE[code] ?? ExcelMessages.adviceOtherwise, detail);
}

/** Runs one Excel.run for a user action, turning any failure into a UserFacingError with a Spanish message. */
export async function runAction<T>(doing: string, body: (context: Excel.RequestContext) => Promise<T>): Promise<T> {
  try {
    return await Excel.run(body);
  } catch (error) {
    throw new UserFacingError(spanishErrorMessage(error, doing));
  }
}
