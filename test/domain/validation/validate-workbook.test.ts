import { groupFindings, validateWorkbook } from "../../../src/domain/validation";
import type { RuleId } from "../../../src/domain/validation";
import type { WorkbookSnapshot } from "../../../src/domain/workbook/snapshot";
import { parseA1, serial } from "../../helpers/snapshot-builder";
import { cleanWorkbook, TODAY } from "./clean-workbook";
import type { CellPatch } from "./clean-workbook";

const validate = (patches: CellPatch[] = []) => validateWorkbook(cleanWorkbook(patches), { today: TODAY });
const ops = (cell: string, value: CellPatch["value"]): CellPatch => ({ sheet: "Operaciones", cell, value });
const partners = (cell: string, value: CellPatch["value"]): CellPatch => ({ sheet: "Alianzas", cell, value });
const ncs = (cell: string, value: CellPatch["value"]): CellPatch => ({ sheet: "No Conformidades", cell, value });
const params = (cell: string, value: CellPatch["value"]): CellPatch => ({ sheet: "Parámetros", cell, value });

/** What a message may tell the user to do: a short list of imperatives, alone or with a pronoun (escríbalo). */
const ACTIONS = [
  "actualice", "agregue", "asigne", "borre", "cambie", "complete", "corrija", "documente", "elija", "escriba", "gestione", "junte",
  "pase", "quite", "registre", "renueve", "repita", "revise", "separe", "use", "verifique", "vuelva",
];
const withoutAccents = (text: string): string => text.normalize("NFD").replace(/[\u0300-\u036f]/g, "");
const ACTION = new RegExp(`(^|[^a-z])(${ACTIONS.join("|")})(lo|la|los|las)?([^a-z]|$)`, "i");

/** The text the user sees in a cell of the fixture, or "" for a date, a number or an empty cell. */
function textAt(snapshot: WorkbookSnapshot, sheetName: string, row: number, col: number): string {
  const sheet = snapshot.sheets.find((s) => s.name === sheetName);
  const value = sheet?.values[row - (sheet.area.row)]?.[col - (sheet.area.col)];
  return typeof value === "string" ? value.trim() : "";
}

/**
 * A message the user can act on: it names the row (the DO, the alliance or the NC Nº in its first column, or
 * the row number),
 * the cell (its column's header or what the cell holds) and says what to do with one of ACTIONS.
 */
function expectActionable(snapshot: WorkbookSnapshot, sheet: string, cell: string, message: string | undefined): void {
  const { row, col } = parseA1(cell);
  const rowName = textAt(snapshot, sheet, row, 0);
  const header = textAt(snapshot, sheet, 0, col);
  const content = textAt(snapshot, sheet, row, col);
  const text = message ?? "";
  const namesRow = (rowName !== "" && text.includes(rowName)) || text.includes(`fila ${row + 1}`);
  expect({ message: text, namesRow }).toEqual({ message: text, namesRow: true });
  expect({ message: text, namesCell: text.includes(header) || (content !== "" && text.includes(content)) }).toEqual({ message: text, namesCell: true });
  expect(withoutAccents(text)).toMatch(ACTION);
}

describe("validateWorkbook", () => {
  it("finds nothing in clean data", () => {
    expect(validate().findings).toEqual([]);
  });

  const cases: [string, CellPatch[], RuleId, string, string][] = [
    ["an empty Cliente", [ops("C2", null)], "campo-obligatorio", "Operaciones", "C2"],
    ["an empty Aliado", [ops("G3", null)], "campo-obligatorio", "Operaciones", "G3"],
    ["a repeated DO", [ops("A5", "do-1001")], "do-duplicado", "Operaciones", "A5"],
    ["a date typed as text", [ops("I2", "02/03/2026")], "fecha-invalida", "Operaciones", "I2"],
    ["an impossible number as a date", [ops("K2", 12)], "fecha-invalida", "Operaciones", "K2"],
    ["a DO opened after today", [ops("I3", serial(2026, 3, 25)), ops("K3", serial(2026, 3, 26))], "fecha-futura", "Operaciones", "I3"],
    ["documents completed before the DO was opened", [ops("K2", serial(2026, 3, 1, 8))], "orden-hitos", "Operaciones", "K2"],
    ["a levante before the declaration", [ops("M2", serial(2026, 3, 5, 7))], "orden-hitos", "Operaciones", "M2"],
    ["an invoice before the levante", [ops("O2", serial(2026, 3, 5))], "orden-hitos", "Operaciones", "O2"],
    ["a Tipo outside the list", [ops("B2", "Importacion")], "valor-no-permitido", "Operaciones", "B2"],
    ["a Modo outside the list", [ops("F2", "Barco")], "valor-no-permitido", "Operaciones", "F2"],
    ["negative client days", [ops("P2", -1)], "valor-no-permitido", "Operaciones", "P2"],
    ["a city that is not an alliance city", [ops("E2", "Medellín")], "ciudad-desconocida", "Operaciones", "E2"],
    ["a Buenaventura DO", [ops("E2", "Buenaventura")], "fuera-de-alcance", "Operaciones", "E2"],
    ["an alliance not in tblAlianzas", [ops("G2", "Agencia del Norte")], "aliado-desconocido", "Operaciones", "G2"],
    ["an alliance that does not cover the city", [ops("E2", "Bogotá")], "aliado-sin-cobertura", "Operaciones", "G2"],
    ["a DO opened before the contract", [ops("I5", serial(2025, 5, 20))], "contrato-vencido", "Operaciones", "G5"],
    ["a wrong client NIT check digit", [ops("D2", "899999068-2")], "nit-invalido", "Operaciones", "D2"],
    ["a linked NC that does not exist", [ops("T3", "NC-2026-099")], "nc-desconocida", "Operaciones", "T3"],
    ["a wrong alliance NIT", [partners("B2", "800197268")], "nit-invalido", "Alianzas", "B2"],
    ["a repeated alliance", [partners("A3", "agencia caribe sas")], "aliado-duplicado", "Alianzas", "A3"],
    ["an alliance city outside the seven", [partners("C2", "Cartagena; Pasto")], "ciudad-desconocida", "Alianzas", "C2"],
    ["a bad e-mail", [partners("E2", "operaciones.caribe.com")], "correo-invalido", "Alianzas", "E2"],
    ["a contract that ends before it starts", [partners("I2", serial(2024, 12, 31))], "orden-hitos", "Alianzas", "I2"],
    ["a contract ending within 60 days", [partners("I3", serial(2026, 4, 30))], "contrato-por-vencer", "Alianzas", "I3"],
    ["a zero import target", [partners("J2", 0)], "valor-no-permitido", "Alianzas", "J2"],
    ["a Sábado hábil outside Sí/No", [partners("L2", "Si")], "valor-no-permitido", "Alianzas", "L2"],
    ["restrictive lists checked over a year ago", [partners("O2", serial(2025, 1, 10))], "listas-restrictivas-vencidas", "Alianzas", "O2"],
    ["an NC about a DO that does not exist", [ncs("D2", "DO-9999")], "nc-do-desconocido", "No Conformidades", "D2"],
    ["an NC number in the wrong format", [ncs("A2", "NC-26-1")], "nc-numero-invalido", "No Conformidades", "A2"],
    ["a closed NC without closing date", [ncs("O2", "Cerrada"), ncs("N2", "Sí")], "nc-cierre-incompleto", "No Conformidades", "M2"],
    ["a closed NC not verified effective", [ncs("O2", "Cerrada"), ncs("M2", serial(2026, 3, 15))], "nc-cierre-incompleto", "No Conformidades", "N2"],
    ["an NC commitment before its date", [ncs("L2", serial(2026, 3, 1))], "orden-hitos", "No Conformidades", "L2"],
    ["an NC without description", [ncs("F2", null)], "campo-obligatorio", "No Conformidades", "F2"],
    [
      "an NC number used twice",
      [ncs("A3", "NC-2026-001"), ncs("B3", serial(2026, 3, 13)), ncs("C3", "Queja"), ncs("F3", "Segundo registro con el mismo número"), ncs("G3", "Menor"), ncs("O3", "Abierta")],
      "nc-numero-invalido",
      "No Conformidades",
      "A3",
    ],
    ["a closing date on an NC that is not Cerrada", [ncs("M2", serial(2026, 3, 15))], "nc-cierre-incompleto", "No Conformidades", "O2"],
    ["an NC whose Aliado is not in tblAlianzas", [ncs("E2", "Agencia del Norte")], "aliado-desconocido", "No Conformidades", "E2"],
    ["a contract that ended while the alliance is still Activo", [partners("I3", serial(2026, 3, 1))], "contrato-por-vencer", "Alianzas", "I3"],
    ["an extra holiday typed as text", [params("A2", "20/04/2026")], "fecha-invalida", "Parámetros", "A2"],
    ["an extra holiday that is not a date", [params("A2", 12)], "fecha-invalida", "Parámetros", "A2"],
    ["an extra holiday without its date", [params("A3", null), params("B3", "Paro nacional")], "campo-obligatorio", "Parámetros", "A3"],
  ];

  it("reports evaluation weights that do not add up to 100 %, on the first weight", () => {
    // 30 + 25 + 15 + 15 + 10 = 95 %.
    const findings = validate([params("E2", 0.3)]).findings;
    expect(findings.map((f) => [f.rule, f.sheet, f.cell])).toEqual([["valor-no-permitido", "Parámetros", "E2"]]);
    expect(findings[0]?.message).toContain("95 %");
    expect(findings[0]?.message).toContain("100 %");
    expect(findings[0]?.message).toContain("«Peso»");
    expect(withoutAccents(findings[0]?.message ?? "")).toMatch(ACTION);
    // 35 + 25 + 15 + 15 + 20 = 110 %.
    expect(validate([params("E6", 0.2)]).findings[0]?.message).toContain("110 %");
  });

  it("accepts weights typed as whole percentages that add up to 100", () => {
    const whole = [params("E2", 35), params("E3", 25), params("E4", 15), params("E5", 15), params("E6", 10)];
    expect(validate(whole).findings).toEqual([]);
  });

  it("does not warn about the ended contract of an alliance marked Terminado", () => {
    const report = validate([partners("I3", serial(2026, 3, 1)), partners("M3", "Terminado")]);
    expect(report.findings.filter((f) => f.sheet === "Alianzas" && f.cell === "I3")).toEqual([]);
  });

  it.each(cases)("reports %s", (_name, patches, rule, sheet, cell) => {
    const report = validate(patches);
    expect(report.findings).toContainEqual(expect.objectContaining({ rule, sheet, cell }));
    const finding = report.findings.find((f) => f.rule === rule && f.cell === cell);
    expectActionable(cleanWorkbook(patches), sheet, cell, finding?.message);
  });

  it("does not ask to renew a contract whose Estado says terminado, in any case", () => {
    const expired = partners("I3", serial(2026, 3, 1));
    expect(validate([expired]).findings).toContainEqual(expect.objectContaining({ rule: "contrato-por-vencer", cell: "I3" }));
    expect(validate([expired, partners("M3", "terminado")]).findings.filter((f) => f.rule === "contrato-por-vencer")).toEqual([]);
  });

  it("warns about a late DO and asks for its non-conformity", () => {
    // Levante on 12/03 after documents on 04/03: 6 business days against a meta of 3.
    const report = validate([ops("M2", serial(2026, 3, 12, 9)), ops("N2", serial(2026, 3, 12, 12)), ops("O2", serial(2026, 3, 13))]);
    expect(report.findings.map((f) => [f.rule, f.cell, f.severity])).toEqual([
      ["ans-incumplido", "R2", "advertencia"],
      ["nc-faltante", "T2", "advertencia"],
    ]);
    expect(report.findings[0]?.message).toContain("6 días hábiles");
    expect(report.findings[0]?.rowKey).toBe("DO-1001");
    const late = cleanWorkbook([ops("M2", serial(2026, 3, 12, 9)), ops("N2", serial(2026, 3, 12, 12)), ops("O2", serial(2026, 3, 13))]);
    for (const finding of report.findings) expectActionable(late, finding.sheet, finding.cell, finding.message);
  });

  it("counts the client's days before calling a DO late", () => {
    const late = [ops("M2", serial(2026, 3, 12, 9)), ops("N2", serial(2026, 3, 12, 12)), ops("O2", serial(2026, 3, 13))];
    expect(validate([...late, ops("P2", 3)]).findings).toEqual([]);
  });

  it("sends the user to the sheet where the partners really are", () => {
    const snapshot = cleanWorkbook([ops("G2", "Agencia del Norte")]);
    const partnersSheet = snapshot.sheets.find((sheet) => sheet.name === "Alianzas");
    if (partnersSheet) partnersSheet.name = "Aliados";
    const finding = validateWorkbook(snapshot, { today: TODAY }).findings.find((f) => f.rule === "aliado-desconocido");
    expect(finding?.message).toContain("regístrelo en la hoja Aliados");
  });

  it("names the real sheets of the partners and the operations in the non-conformities' messages", () => {
    const snapshot = cleanWorkbook([ncs("D2", "DO-9999"), ncs("E2", "Agencia del Norte")]);
    for (const [from, to] of [["Alianzas", "Aliados"], ["Operaciones", "Cuadro 2026"]] as const) {
      const sheet = snapshot.sheets.find((s) => s.name === from);
      if (sheet) sheet.name = to;
    }
    const messages = validateWorkbook(snapshot, { today: TODAY }).findings.filter((f) => f.sheet === "No Conformidades").map((f) => f.message);
    expect(messages.find((m) => m.includes("DO-9999"))).toContain("(hoja Cuadro 2026)");
    expect(messages.find((m) => m.includes("Agencia del Norte"))).toContain("hoja Aliados");
    expect(messages.join(" ")).not.toMatch(/hoja (Alianzas|Operaciones)\b/);
  });

  it("suggests the date a text probably means, without converting it", () => {
    const report = validate([ops("I2", "2026-03-02")]);
    expect(report.findings[0]?.message).toContain("¿quiso decir 02/03/2026?");
  });

  it("sorts findings by sheet, row and column and counts them", () => {
    const report = validate([ncs("D2", "DO-9999"), ops("F5", "Barco"), ops("C2", null), ops("B2", "x")]);
    expect(report.findings.map((f) => `${f.sheet}!${f.cell}`)).toEqual([
      "Operaciones!B2",
      "Operaciones!C2",
      "Operaciones!F5",
      "No Conformidades!D2",
    ]);
    expect(report.summary).toEqual({
      errors: 4,
      warnings: 0,
      byRule: { "valor-no-permitido": 2, "campo-obligatorio": 1, "nc-do-desconocido": 1 },
      bySheet: { Operaciones: 3, "No Conformidades": 1 },
    });
    const groups = groupFindings(report);
    expect(groups).toHaveLength(1);
    expect(groups[0]?.rules.map((g) => [g.rule, g.count])).toEqual([
      ["campo-obligatorio", 1],
      ["valor-no-permitido", 2],
      ["nc-do-desconocido", 1],
    ]);
  });
});
