import { computeEvaluation } from "../../../src/domain/evaluation/compute-evaluation";
import { nonconformityAlerts } from "../../../src/domain/followup/nonconformity-alerts";
import { validateWorkbook } from "../../../src/domain/validation";
import { readWorkbookModel } from "../../../src/domain/workbook/read-model";
import { serial } from "../../helpers/snapshot-builder";
import { cleanWorkbook, TODAY } from "../validation/clean-workbook";

/** NC-2026-001 without its own Aliado, naming its DO as typed in D2 (DO-1002 is Frontera Logística's). */
const workbookWithNcDo = (typed: string) =>
  cleanWorkbook([
    { sheet: "No Conformidades", cell: "D2", value: typed },
    { sheet: "No Conformidades", cell: "E2", value: null },
    // Past its Fecha compromiso, so the follow-up lists it with the alliance of its DO.
    { sheet: "No Conformidades", cell: "L2", value: serial(2026, 3, 13) },
  ]);

const frontera = (typed: string) =>
  computeEvaluation(readWorkbookModel(workbookWithNcDo(typed)), 2026, undefined, TODAY).alliances.find((a) => a.alliance === "Frontera Logística");
const unknownDo = (typed: string) => validateWorkbook(workbookWithNcDo(typed), { today: TODAY }).findings.filter((f) => f.rule === "nc-do-desconocido");
const alertAlliance = (typed: string) => nonconformityAlerts(readWorkbookModel(workbookWithNcDo(typed)), TODAY).map((a) => a.alliance);

describe("which DO a non-conformity names: as MATCH finds it, in every surface", () => {
  it("links a DO typed in another letter case: charged to the DO's alliance, no finding", () => {
    expect(frontera("do-1002")?.nonconformities).toBe(1);
    expect(unknownDo("do-1002")).toEqual([]);
    expect(alertAlliance("do-1002")).toEqual(["Frontera Logística"]);
  });

  it.each([
    ["an accent", "DÓ-1002"],
    ["a space inside", "DO -1002"],
  ])("does not link a DO with %s: nobody is charged and Validar reports it", (_label, typed) => {
    expect(frontera(typed)?.nonconformities).toBe(0);
    const findings = unknownDo(typed);
    expect(findings.map((f) => [f.sheet, f.cell])).toEqual([["No Conformidades", "D2"]]);
    expect(findings[0]?.message).toContain(`el DO «${typed}»`);
    expect(alertAlliance(typed)).toEqual([""]);
  });

  it("suggests the DO meant when only accents, case or spaces differ", () => {
    expect(unknownDo("dó-1002")[0]?.message).toContain("¿quiso decir «DO-1002»?");
    expect(unknownDo("DO-9999")[0]?.message).not.toContain("¿quiso decir");
  });
});
