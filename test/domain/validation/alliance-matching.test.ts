import { validateWorkbook } from "../../../src/domain/validation";
import { cleanWorkbook, TODAY } from "./clean-workbook";
import type { CellPatch } from "./clean-workbook";

const validate = (patches: CellPatch[]) => validateWorkbook(cleanWorkbook(patches), { today: TODAY });
const unknownAlliance = (patches: CellPatch[]) => validate(patches).findings.filter((f) => f.rule === "aliado-desconocido");

describe("which alliance a DO or an NC names: as the sheet's MATCH finds it", () => {
  it("accepts the alliance in another letter case, as MATCH does", () => {
    expect(unknownAlliance([{ sheet: "Operaciones", cell: "G2", value: "AGENCIA CARIBE SAS" }])).toEqual([]);
  });

  it.each([
    ["accents added", "Agencia Caribe SÁS"],
    ["doubled spaces", "agencia  caribe sas"],
    ["leading spaces", "  Agencia Caribe SAS"],
  ])("reports an Aliado with %s, which MATCH does not find, and suggests the alliance meant", (_label, typed) => {
    const findings = unknownAlliance([{ sheet: "Operaciones", cell: "G2", value: typed }]);
    expect(findings.map((f) => [f.sheet, f.cell])).toEqual([["Operaciones", "G2"]]);
    expect(findings[0]?.message).toContain("¿quiso decir «Agencia Caribe SAS»?");
  });

  it("suggests the alliance meant on a non-conformity too", () => {
    const findings = unknownAlliance([{ sheet: "No Conformidades", cell: "E2", value: "agencia caribe sás" }]);
    expect(findings.map((f) => [f.sheet, f.cell])).toEqual([["No Conformidades", "E2"]]);
    expect(findings[0]?.message).toContain("¿quiso decir «Agencia Caribe SAS»?");
  });

  it("says to register an alliance that resembles none", () => {
    const findings = unknownAlliance([{ sheet: "Operaciones", cell: "G2", value: "Agencia del Norte" }]);
    expect(findings[0]?.message).not.toContain("¿quiso decir");
    expect(findings[0]?.message).toContain("regístrelo");
  });

  it("words an unknown Aliado the same on a DO and on a non-conformity, but for the row it names", () => {
    const onDo = unknownAlliance([{ sheet: "Operaciones", cell: "G2", value: "agencia caribe sás" }])[0]?.message ?? "";
    const onNc = unknownAlliance([{ sheet: "No Conformidades", cell: "E2", value: "agencia caribe sás" }])[0]?.message ?? "";
    expect(onDo).toMatch(/^«Aliado» del DO DO-1001 es «agencia caribe sás», que no está en tblAlianzas: /);
    expect(onNc.replace(/^«Aliado» de \S+ /, "")).toBe(onDo.replace(/^«Aliado» del DO DO-1001 /, ""));
  });
});
