import { toFileFormula, toUiFormula } from "../../src/xlsx/formula-form";

describe("toFileFormula", () => {
  it.each([
    ["=[@[Fecha levante / autorización]]+1", "tblOperaciones[[#This Row],[Fecha levante / autorización]]+1"],
    ["=[@DO]", "tblOperaciones[[#This Row],[DO]]"],
    ["=tblAlianzas[@Aliado]", "tblAlianzas[[#This Row],[Aliado]]"],
    ["=COUNTIF(tblAlianzas[Aliado],[@Aliado])", "COUNTIF(tblAlianzas[Aliado],tblOperaciones[[#This Row],[Aliado]])"],
    [
      '=ADUANA.TIEMPO_SERVICIO([@[Fecha llegada mercancía]],[@[Fecha levante / autorización]],"d")',
      '_xldudf_ADUANA_TIEMPO_SERVICIO(tblOperaciones[[#This Row],[Fecha llegada mercancía]],tblOperaciones[[#This Row],[Fecha levante / autorización]],"d")',
    ],
    ['=IF([@Tipo]="[@x] ADUANA.X(",1,2)', 'IF(tblOperaciones[[#This Row],[Tipo]]="[@x] ADUANA.X(",1,2)'],
    ["=IFS([@DO]=\"\",1)", "_xlfn.IFS(tblOperaciones[[#This Row],[DO]]=\"\",1)"],
    ["='Parámetros'!$B$2", "'Parámetros'!$B$2"],
  ])("stores %s as Excel does in the file", (ui, file) => {
    expect(toFileFormula(ui, "tblOperaciones")).toBe(file);
  });

  it("leaves bracket groups alone outside a table", () => {
    expect(toFileFormula("=SUM(A1:A3)", null)).toBe("SUM(A1:A3)");
  });
});

describe("toUiFormula", () => {
  it.each([
    ["tblOperaciones[[#This Row],[Fecha levante / autorización]]+1", "=[@[Fecha levante / autorización]]+1"],
    ["tblOperaciones[[#This Row],[DO]]", "=[@DO]"],
    ["tblAlianzas[[#This Row],[Aliado]]", "=tblAlianzas[@Aliado]"],
    ["_xldudf_ADUANA_ESTADO_ANS(tblOperaciones[[#This Row],[DO]],ADUANA_HOY)", "=ADUANA.ESTADO_ANS([@DO],ADUANA_HOY)"],
    ["_xlfn.IFS(TRUE,1)", "=IFS(TRUE,1)"],
    ["ADUANA.NIT_DV(A2)", "=ADUANA.NIT_DV(A2)"],
  ])("shows %s as Excel's formula bar does", (file, ui) => {
    expect(toUiFormula(file, "tblOperaciones")).toBe(ui);
  });

  it("round-trips the domain's formulas", () => {
    const formula = '=IF([@[Tiempo servicio (días hábiles)]]="","",ADUANA.ESTADO_ANS([@[Fecha documentos completos]],[@[Fecha levante / autorización]],[@[Meta ANS (días hábiles)]],ADUANA_HOY))';
    expect(toUiFormula(toFileFormula(formula, "tblOperaciones"), "tblOperaciones")).toBe(formula);
  });
});
