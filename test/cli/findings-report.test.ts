import { findingsText } from "../../src/cli/findings-report";
import type { Finding, ValidationReport } from "../../src/domain/validation";

const finding = (rule: Finding["rule"], severity: Finding["severity"], cell: string): Finding => ({ rule, severity, sheet: "Operaciones", row: 1, col: 0, cell, message: `Corrija ${cell}.` });

function report(findings: Finding[]): ValidationReport {
  const byRule: ValidationReport["summary"]["byRule"] = {};
  for (const f of findings) byRule[f.rule] = (byRule[f.rule] ?? 0) + 1;
  const errors = findings.filter((f) => f.severity === "error").length;
  return { findings, operations: 10, operationsSheet: "Operaciones", summary: { errors, warnings: findings.length - errors, byRule, bySheet: { Operaciones: findings.length } } } as ValidationReport;
}

describe("validar's text report", () => {
  const text = findingsText("libro.xlsx", report([
    finding("ans-incumplido", "advertencia", "R2"),
    finding("nit-invalido", "error", "D2"),
    finding("nit-invalido", "error", "D3"),
    finding("campo-obligatorio", "error", "C4"),
  ]));

  it("heads each group with the catalogue's title, errors first, rules in catalogue order", () => {
    const headings = text.split("\n").filter((line) => /^ {2}\S.* — /.test(line));
    expect(headings).toEqual([
      "  Campos obligatorios vacíos — campo-obligatorio (error, 1)",
      "  NIT inválidos — nit-invalido (error, 2)",
      "  ANS incumplidos — ans-incumplido (advertencia, 1)",
    ]);
  });

  it("counts by rule in catalogue order, with titles", () => {
    const summary = text.slice(text.indexOf("Resumen por regla:")).split("\n").slice(1).filter((line) => line.trim() !== "");
    expect(summary.map((line) => line.trim().split(/\s{2,}/))).toEqual([
      ["campo-obligatorio", "1", "Campos obligatorios vacíos"],
      ["nit-invalido", "2", "NIT inválidos"],
      ["ans-incumplido", "1", "ANS incumplidos"],
    ]);
  });
});
