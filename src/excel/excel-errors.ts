import { EvaluationRefusedError } from "../domain/evaluation";
import { NonconformityInputError } from "../domain/workbook";
import { PlanNotApplicableError } from "./plan-errors";

/** Raised by the actions with a Spanish sentence meant for the user as is. */
export class UserFacingError extends Error {}

/**
 * Office.js error codes (Excel.ErrorCodes, https://learn.microsoft.com/office/dev/add-ins/excel/excel-add-ins-error-handling)
 * a coordinator can do something about, with what to do.
 */
const ADVICE: Record<string, string> = {
  InvalidOperationInCellEditMode: "Termine de editar la celda (Enter o Esc) y vuelva a intentarlo.",
  AccessDenied: "El libro o la hoja están protegidos o son de solo lectura: desprotéjalos o guarde una copia editable.",
  ItemNotFound: "Falta una hoja o tabla que el complemento esperaba: use «Preparar cuadro» y vuelva a intentarlo.",
  ItemAlreadyExists: "Ya existe una hoja, tabla o nombre con ese nombre: cámbielo o bórrelo y vuelva a intentarlo.",
  RequestPayloadSizeLimitExceeded: "El cambio es demasiado grande para Excel en la Web: divídalo o use Excel de escritorio.",
  ResponsePayloadSizeLimitExceeded: "El libro es demasiado grande para leerlo de una vez en Excel en la Web: use Excel de escritorio.",
  InsertDeleteConflict:
    "Excel no pudo insertar o eliminar celdas porque chocan con otra tabla, un filtro o celdas combinadas: quite el filtro o deje libres las filas bajo la tabla y vuelva a intentarlo.",
  RangeExceedsLimit: "El rango es demasiado grande para una sola operación de Excel: filtre o divida los datos, o use Excel de escritorio.",
  Conflict: "Otra persona está editando el libro: espere un momento y vuelva a intentarlo.",
};

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
  const advice = ADVICE[code] ?? "Vuelva a intentarlo; si el error sigue, guarde el libro, ciérrelo y ábralo de nuevo.";
  return `No se pudo ${doing}. ${advice} (Detalle de Excel: ${detail})`;
}

/** Runs one Excel.run for a user action, turning any failure into a UserFacingError with a Spanish message. */
export async function runAction<T>(doing: string, body: (context: Excel.RequestContext) => Promise<T>): Promise<T> {
  try {
    return await Excel.run(body);
  } catch (error) {
    throw new UserFacingError(spanishErrorMessage(error, doing));
  }
}
