import { spanishErrorMessage } from "../../src/excel/excel-errors";
import { OPTIONAL_FEATURES, missingFeatureMessage } from "../../src/excel/requirements";
import { richApiError } from "../support/fake-excel/fake-excel";

/** Codes of Excel.ErrorCodes: https://learn.microsoft.com/office/dev/add-ins/excel/excel-add-ins-error-handling */
describe("Spanish messages for Excel errors", () => {
  it("tells the coordinator what to do when rows cannot be inserted or a range is too big", () => {
    expect(spanishErrorMessage(richApiError("InsertDeleteConflict", "x"), "registrar la no conformidad")).toMatch(
      /^No se pudo registrar la no conformidad\. Excel no pudo insertar o eliminar celdas porque chocan con otra tabla, un filtro o celdas combinadas/,
    );
    expect(spanishErrorMessage(richApiError("RangeExceedsLimit", "x"), "validar")).toMatch(/^No se pudo validar\. El rango es demasiado grande/);
  });

  it("knows the cell-edit-mode code Excel really raises, and no invented one", () => {
    expect(spanishErrorMessage(richApiError("InvalidOperationInCellEditMode", "x"), "validar")).toContain("Termine de editar la celda");
    expect(spanishErrorMessage(richApiError("EditModeCellEditing", "x"), "validar")).toContain("Vuelva a intentarlo; si el error sigue");
  });

  it("names ExcelApi 1.7 for copying a sheet (Worksheet.copy)", () => {
    // https://learn.microsoft.com/javascript/api/requirement-sets/excel/excel-api-1-7-requirement-set
    expect(OPTIONAL_FEATURES.copySheet.version).toBe("1.7");
    expect(missingFeatureMessage("copySheet")).toContain("(ExcelApi 1.7)");
  });
});
