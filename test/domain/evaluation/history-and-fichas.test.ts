/**
 * The previous year's result in `Evaluación AAAA` and in each ficha, and the fichas' refresh rules, through the plan
 * simulator. The previous year is the fixture's own evaluation filed as `Evaluación 2024`.
 */
import { planEvaluation } from "../../../src/domain/evaluation/plan-evaluation";
import type { CellWrite, PageSetupStep, Plan } from "../../../src/domain/workbook/plan";
import type { CellValue, WorkbookSnapshot } from "../../../src/domain/workbook/snapshot";
import { applyPlanToSnapshot } from "../../helpers/plan-simulator";
import { cellAt, formulaAt, parseA1, sheetOf } from "../../helpers/snapshot-builder";
import { ALLIANCES, ANDES, CAPITAL, CARIBE, FRONTERA, alliance } from "./fixture-model";

const RATED = { [CARIBE]: 8, [FRONTERA]: 9, [ANDES]: 10, [CAPITAL]: 11 } as const;
import { serial } from "./independent-oracle";
import { evaluationWorkbook } from "./evaluation-workbook";

const GENERATED_2024 = serial(2025, 1, 20);
const TODAY = serial(2026, 1, 15);
const plan = (snapshot: WorkbookSnapshot, year: number, today = TODAY): Plan => planEvaluation(snapshot, { year, today });

function type(snapshot: WorkbookSnapshot, sheet: string, cells: Record<string, CellValue>): WorkbookSnapshot {
  const writes: CellWrite[] = Object.entries(cells).map(([address, value]) => {
    const { row, col } = parseA1(address);
    return { row, col, value, expected: formulaAt(snapshot, sheet, address) ?? cellAt(snapshot, sheet, address) };
  });
  return applyPlanToSnapshot(snapshot, { steps: [{ kind: "writeCells", sheet, cells: writes }], notes: [] });
}

/** The fixture evaluated for 2025 and scored, then filed as last year's record: `Evaluación 2024`, tblEvaluacion2024. */
function withPreviousYear(): WorkbookSnapshot {
  const workbook = evaluationWorkbook();
  const evaluated = applyPlanToSnapshot(workbook, plan(workbook, 2025, GENERATED_2024));
  // Caribe 4/5, Andes 5/5 (72, Aceptable: plan de mejora), Frontera excluded.
  const typed = type(evaluated, "Evaluación 2025", { P8: 4, Q8: 5, R9: "Sí", P10: 5, Q10: 5 });
  const scored = applyPlanToSnapshot(typed, plan(typed, 2025, GENERATED_2024));
  const filed = sheetOf(scored, "Evaluación 2025");
  const previous = {
    ...filed,
    name: "Evaluación 2024",
    tables: filed.tables.map((t) => ({ ...t, name: "tblEvaluacion2024" })),
    position: workbook.sheets.length,
  };
  return { ...workbook, sheets: [...workbook.sheets, previous] };
}

describe("an evaluation whose previous year is in the workbook", () => {
  const workbook = withPreviousYear();
  const previousScores = {
    [CARIBE]: cellAt(workbook, "Evaluación 2024", "S8"),
    [ANDES]: cellAt(workbook, "Evaluación 2024", "S10"),
  };
  const first = plan(workbook, 2025);
  const after = applyPlanToSnapshot(workbook, first);
  const at = (address: string) => cellAt(after, "Evaluación 2025", address);
  const header = sheetOf(after, "Evaluación 2025").tables[0]?.columns.map((c) => c.header) ?? [];
  const col = (name: string) => String.fromCharCode(65 + header.indexOf(name));

  it("shows each alliance's previous Puntaje and Calificación next to this year's", () => {
    expect(header.slice(21, 24)).toEqual(["Puntaje año anterior", "Calificación año anterior", "Variación"]);
    expect(typeof previousScores[ANDES]).toBe("number");
    expect(at(`${col("Puntaje año anterior")}10`)).toBe(previousScores[ANDES]);
    expect(at(`${col("Calificación año anterior")}10`)).toBe("Aceptable");
    expect(at(`${col("Calificación año anterior")}${RATED[FRONTERA]}`)).toBe("Deficiente");
    expect(at(`${col("Calificación año anterior")}${RATED[CAPITAL]}`)).toBe("Sin operaciones");
  });

  it("marks the change ▲ / ▼ / = once this year's Puntaje exists", () => {
    expect(at(`${col("Variación")}10`)).toBe(""); // C4/C5 not typed yet this year
    const typed = type(after, "Evaluación 2025", { P8: 1, Q8: 1, P10: 5, Q10: 5 });
    const refreshed = applyPlanToSnapshot(typed, plan(typed, 2025));
    const now = (address: string) => cellAt(refreshed, "Evaluación 2025", address);
    expect(now(`${col("Variación")}8`)).toBe("▼ Baja"); // Caribe had 4/5, now 1/1
    expect(now(`${col("Variación")}10`)).toBe("= Igual"); // Andes: same figures, same scores
    expect(formulaAt(refreshed, "Evaluación 2025", `${col("Variación")}8`)).toContain("[@[Puntaje año anterior]]");
    expect(plan(refreshed, 2025).steps).toEqual([]);
  });

  it("says in the ficha whether last year's plan de mejora is due for re-evaluation", () => {
    const fichas = sheetOf(after, "Fichas 2025");
    const texts = fichas.values.flat().filter((v): v is string => typeof v === "string");
    // Andes: rated Aceptable in the evaluation generated on 20/01/2025; six months later is 20/07/2025, before TODAY.
    expect(texts).toContain("Re-evaluación VENCIDA desde el 20/07/2025: la evaluación 2024 pidió plan de mejora y re-evaluación en 6 meses.");
    expect(texts.filter((t) => t.startsWith("Re-evaluación"))).toHaveLength(1);
    expect(texts.some((t) => t.includes("Aceptable · Plan de mejora; re-evaluación en 6 meses"))).toBe(true);
  });
});

describe("Fichas AAAA", () => {
  const workbook = evaluationWorkbook();
  const first = plan(workbook, 2025);
  const after = applyPlanToSnapshot(workbook, first);
  const ficha = (address: string) => cellAt(after, "Fichas 2025", address);

  it("has one ficha per alliance, 42 rows apart, each starting a printed page", () => {
    expect([ficha("B2"), ficha("B44"), ficha("B86"), ficha("B128")]).toEqual([CARIBE, FRONTERA, ANDES, CAPITAL]);
    const setup = first.steps.find((s): s is PageSetupStep => s.kind === "pageSetup" && s.sheet === "Fichas 2025");
    expect(setup?.rowBreaks).toEqual([42, 84, 126]);
    expect(setup?.fitTo).toBeUndefined();
    expect(ficha("A30")).toBe("No hay «Evaluación 2024» en el libro.");
  });

  it("reads its figures live from the evaluation table and keeps the signatures typed on it", () => {
    expect(formulaAt(after, "Fichas 2025", "B25")).toBe(
      '=IFERROR(IF(INDEX(tblEvaluacion2025[Puntaje],MATCH($B$2,tblEvaluacion2025[Aliado],0))="","",INDEX(tblEvaluacion2025[Puntaje],MATCH($B$2,tblEvaluacion2025[Aliado],0))),"")',
    );
    const signed = type(after, "Fichas 2025", { B39: "Ana Pérez", D39: "Carlos Ruiz", B41: serial(2026, 1, 20) });
    const scored = type(signed, "Evaluación 2025", { P8: 4, Q8: 5 });
    const refresh = plan(scored, 2025);
    const refreshed = applyPlanToSnapshot(scored, refresh);
    const now = (address: string) => cellAt(refreshed, "Fichas 2025", address);
    expect([now("B39"), now("D39"), now("B41")]).toEqual(["Ana Pérez", "Carlos Ruiz", serial(2026, 1, 20)]);
    expect(now("B25")).toBe(cellAt(refreshed, "Evaluación 2025", "S8"));
    expect(typeof now("B25")).toBe("number");
    expect(plan(refreshed, 2025).steps).toEqual([]);
  });

  it("shows where the time goes: median and P90 business days of each stage, beside the measured figures", () => {
    // Andes: DO-12 (2 → 3 Sep) and DO-13 (11 → 12 Sep), one business day each, no presentación or entrega dates.
    expect(ficha("C91")).toBe("Etapas del servicio (días hábiles)");
    expect([ficha("C92"), ficha("E92")]).toEqual(["Etapa", "Mediana / P90"]);
    expect([93, 94, 95, 96, 97].map((r) => [ficha(`C${r}`), ficha(`E${r}`)])).toEqual([
      ["Docs → presentación", "—"],
      ["Presentación → levante", "—"],
      ["Levante → entrega", "—"],
      ["Levante → facturación", "—"],
      ["Total", "1 / 1"],
    ]);
    expect(ficha("C98")).toBe("Sobre 2 DO medidos abiertos en 2025.");
    // Frontera (Saturday a business day): DO-8 4 days (6, 7, 8, 10 Feb), DO-9 2 (7 Aug is Boyacá), DO-10 8
    // (13 Oct is Día de la Raza): median 4, PERCENTILE.INC 90 % = 4 + 0.8 × (8 − 4) = 7.2. DO-11 is not measured.
    expect(ficha("E55")).toBe("4 / 7,2");
    expect(ficha("C56")).toBe("Sobre 3 DO medidos abiertos en 2025.");
    // Capital has no DO opened in 2025.
    expect(ficha("E139")).toBe("—");
    expect(ficha("C140")).toBe("Sin DOs medidos abiertos en 2025.");
  });

  it("adds the ficha of a new alliance at the end, on its own page", () => {
    const grown = evaluationWorkbook({ alliances: [...ALLIANCES, alliance("Puerto Norte")] });
    const withSheets = { ...grown, sheets: [...grown.sheets, ...after.sheets.filter((s) => s.name.endsWith("2025")).map((s, i) => ({ ...s, position: grown.sheets.length + i }))] };
    const refresh = plan(withSheets, 2025);
    const refreshed = applyPlanToSnapshot(withSheets, refresh);
    expect(cellAt(refreshed, "Fichas 2025", "B170")).toBe("Puerto Norte");
    expect(cellAt(refreshed, "Fichas 2025", "B2")).toBe(CARIBE);
    const setup = refresh.steps.find((s): s is PageSetupStep => s.kind === "pageSetup" && s.sheet === "Fichas 2025");
    expect(setup?.rowBreaks).toEqual([42, 84, 126, 168]);
    expect(plan(refreshed, 2025).steps).toEqual([]);
  });
});
