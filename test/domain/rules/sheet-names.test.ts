import { readEvaluationSheet } from "../../../src/domain/evaluation/evaluation-sheet";
import { buildSnapshot } from "../../helpers/snapshot-builder";

/** Excel compares sheet names ignoring letter case only: "Evaluacion 2025" is another sheet than "Evaluación 2025". */
describe("a sheet of the add-in is found by its name as Excel compares names", () => {
  const workbookWith = (name: string) => buildSnapshot([{ name, rows: [["Evaluación de alianzas 2025"]] }]);

  it("finds «Evaluación 2025» in another letter case", () => {
    expect(readEvaluationSheet(workbookWith("EVALUACIÓN 2025"), 2025)?.sheet.name).toBe("EVALUACIÓN 2025");
  });

  it.each(["Evaluacion 2025", "Evaluación  2025"])("does not take «%s» for it: Excel would let the add-in create «Evaluación 2025» beside it", (name) => {
    expect(readEvaluationSheet(workbookWith(name), 2025)).toBeNull();
  });
});
