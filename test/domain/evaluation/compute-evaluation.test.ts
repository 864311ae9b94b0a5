import { computeEvaluation } from "../../../src/domain/evaluation/compute-evaluation";
import type { ManualInputs } from "../../../src/domain/evaluation/compute-evaluation";
import { evaluationToJson } from "../../../src/domain/evaluation/evaluation-json";
import { DEFAULT_PARAMETERS } from "../../../src/domain/workbook/model";
import { expectedFigures } from "./expected-figures";
import { ANDES, CAPITAL, CARIBE, FRONTERA, alliance, fixtureModel, operation } from "./fixture-model";

const YEAR = 2025;

describe("computeEvaluation", () => {
  const result = computeEvaluation(fixtureModel(), YEAR);
  const row = (name: string) => {
    const found = result.alliances.find((a) => a.alliance === name);
    if (!found) throw new Error(`sin fila para ${name}`);
    return found;
  };

  it("returns one row per alliance of tblAlianzas, in its order", () => {
    expect(result.year).toBe(2025);
    expect(result.alliances.map((a) => a.alliance)).toEqual([CARIBE, FRONTERA, ANDES, CAPITAL]);
  });

  it.each([CARIBE, FRONTERA, ANDES, CAPITAL])("matches the independent computation for %s", (name) => {
    const expected = expectedFigures(name, YEAR);
    const actual = row(name);
    expect({
      operations: actual.operations,
      measured: actual.measured,
      onTime: actual.onTime,
      nonconformities: actual.nonconformities,
      complaints: actual.complaints,
    }).toEqual({
      operations: expected.operations,
      measured: expected.measured,
      onTime: expected.onTime,
      nonconformities: expected.nonconformities,
      complaints: expected.complaints,
    });
    for (const key of ["onTimePct", "avgServiceDays", "ncPer100", "closedEffectivePct"] as const) {
      if (expected[key] === null) expect(actual[key]).toBeNull();
      else expect(actual[key]).toBeCloseTo(expected[key] ?? NaN, 10);
    }
  });

  it.each([
    // alliance, DOs atendidos, medidos, a tiempo, NC, reclamos y quejas, C1, C2, C3
    // Caribe: DO-15 («  aliado CARIBE sas», leading spaces) is not Caribe's, as MATCH in the sheet does not find it.
    [CARIBE, 6, 5, 4, 3, 2, 2, 1, 1],
    [FRONTERA, 4, 3, 2, 2, 0, 1, 1, 5],
    [ANDES, 2, 2, 1, 0, 0, 1, 5, 5],
    [CAPITAL, 0, 0, 0, 1, 1, null, null, null],
  ])("shows %s with %p DOs, %p measured, %p on time, %p NC, %p complaints, C1–C3 %p/%p/%p", (name, ops, measured, onTime, nc, complaints, c1, c2, c3) => {
    const r = row(name as string);
    expect([r.operations, r.measured, r.onTime, r.nonconformities, r.complaints]).toEqual([ops, measured, onTime, nc, complaints]);
    expect([r.scores.c1, r.scores.c2, r.scores.c3]).toEqual([c1, c2, c3]);
  });

  it("measures a DO whose Meta ANS is blank against 0, as the sheet's Meta ANS shows it", () => {
    // DO-12: Exportación, Andes' Meta exportación blank (0), 1 day (2 → 3 Sep): late; DO-13: 1 day of 6, on time.
    expect(row(ANDES).withoutTarget).toBe(0);
    expect(row(ANDES).measured).toBe(2);
    expect(row(ANDES).onTimePct).toBe(50);
  });

  it("scores C3 with 5 when the alliance has no non-conformities", () => {
    expect(row(ANDES).closedEffectivePct).toBeNull();
    expect(row(ANDES).scores.c3).toBe(5);
  });

  it("leaves the score pending until the evaluator enters C4 and C5", () => {
    expect(row(CARIBE).scores.c4).toBeNull();
    expect(row(CARIBE).score).toBeNull();
    expect(row(CARIBE).rating).toBeNull();
    const onlyC4 = computeEvaluation(fixtureModel(), YEAR, new Map([[CARIBE, { c4: 4 }]]));
    expect(onlyC4.alliances[0]?.score).toBeNull();
  });

  it("computes Puntaje and Calificación once C4 and C5 are typed", () => {
    const manual = new Map<string, ManualInputs>([
      [CARIBE, { c4: 4, c5: 5 }],
      [ANDES, { c4: 5, c5: 5 }],
    ]);
    const withInputs = computeEvaluation(fixtureModel(), YEAR, manual);
    const caribe = withInputs.alliances[0];
    const andes = withInputs.alliances[2];
    // (2×0.35 + 1×0.25 + 1×0.15 + 4×0.15 + 5×0.10) / 5 × 100 = 44
    expect(caribe?.score).toBe(44);
    expect(caribe?.rating).toBe("Deficiente");
    expect(caribe?.decision).toBe("Suspender asignaciones; revisar terminación del contrato");
    // (1×0.35 + 5×0.25 + 5×0.15 + 5×0.15 + 5×0.10) / 5 × 100 = 72
    expect(andes?.score).toBe(72);
    expect(andes?.rating).toBe("Aceptable");
    expect(andes?.decision).toBe("Plan de mejora; re-evaluación en 6 meses");
  });

  it("matches typed inputs to alliances ignoring case, accents and spaces", () => {
    const withInputs = computeEvaluation(fixtureModel(), YEAR, new Map([["  andes  SÚR ", { c4: 5, c5: 5 }]]));
    expect(withInputs.alliances[2]?.score).toBe(72);
  });

  it("rates Deficiente when the criterio excluyente is Sí, whatever the score", () => {
    const manual = new Map<string, ManualInputs>([[ANDES, { c4: 5, c5: 5, excluding: true }], [FRONTERA, { excluding: true }]]);
    const withInputs = computeEvaluation(fixtureModel(), YEAR, manual);
    expect(withInputs.alliances[2]?.score).toBe(72);
    expect(withInputs.alliances[2]?.rating).toBe("Deficiente");
    expect(withInputs.alliances[1]?.score).toBeNull();
    expect(withInputs.alliances[1]?.rating).toBe("Deficiente");
  });

  it("gives an alliance without operations in the year no score at all", () => {
    const withInputs = computeEvaluation(fixtureModel(), YEAR, new Map([[CAPITAL, { c4: 5, c5: 5, excluding: true }]]));
    const capital = withInputs.alliances[3];
    expect(capital?.operations).toBe(0);
    expect(capital?.scores).toEqual({ c1: null, c2: null, c3: null, c4: 5, c5: 5 });
    expect(capital?.score).toBeNull();
    expect(capital?.rating).toBeNull();
  });

  it("uses the weights of Parámetros", () => {
    const weights = { c1: 0.5, c2: 0.2, c3: 0.1, c4: 0.1, c5: 0.1 };
    const model = fixtureModel({ parameters: { ...DEFAULT_PARAMETERS, weights } });
    const withInputs = computeEvaluation(model, YEAR, new Map([[ANDES, { c4: 5, c5: 5 }]]));
    // (1×0.5 + 5×0.2 + 5×0.1 + 5×0.1 + 5×0.1) / 5 × 100 = 60
    expect(withInputs.alliances[2]?.score).toBe(60);
    expect(withInputs.alliances[2]?.rating).toBe("Aceptable");
  });

  describe("rating band edges", () => {
    // C1–C4 = 5 (every DO on time, no NC, C4 typed 5) and C5 = 1 with weight w: Puntaje = 100 − 80·w.
    const perfect = fixtureModel({
      alliances: [alliance("Perfecto")],
      operations: [operation({ do: "P-1", type: "Importación", alliance: "Perfecto", opened: [2025, 2, 3], arrival: [2025, 2, 3], documents: [2025, 2, 3], release: [2025, 2, 4] })],
      nonconformities: [],
    });
    it.each([
      [0.500125, 59.99, "Deficiente"],
      [0.5, 60, "Aceptable"],
      [0.312625, 74.99, "Aceptable"],
      [0.3125, 75, "Bueno"],
      [0.125125, 89.99, "Bueno"],
      [0.125, 90, "Excelente"],
    ])("a C5 weight of %p gives Puntaje %p, rated %p", (c5Weight, score, rating) => {
      const weights = { c1: 0.7 - c5Weight, c2: 0.1, c3: 0.1, c4: 0.1, c5: c5Weight };
      const model = { ...perfect, parameters: { ...DEFAULT_PARAMETERS, weights } };
      const r = computeEvaluation(model, YEAR, new Map([["Perfecto", { c4: 5, c5: 1 }]])).alliances[0];
      expect(r?.score).toBe(score);
      expect(r?.rating).toBe(rating);
    });

    it("scores weights typed as whole numbers (35, 25, …) in proportion to their total", () => {
      const percent = { ...DEFAULT_PARAMETERS, weights: { c1: 35, c2: 25, c3: 15, c4: 15, c5: 10 } };
      const r = computeEvaluation({ ...perfect, parameters: percent }, YEAR, new Map([["Perfecto", { c4: 4, c5: 5 }]])).alliances[0];
      // (5·35 + 5·25 + 5·15 + 4·15 + 5·10) / 100 / 5 × 100 = 97
      expect(r?.score).toBe(97);
      expect(r?.rating).toBe("Excelente");
    });
  });

  it("reaches exactly 95 % with 19 of 20 DOs on time (C1 = 5)", () => {
    const ops = Array.from({ length: 20 }, (_, i) =>
      operation({
        do: `X-${i}`,
        type: "Importación",
        alliance: "Veinte",
        opened: [2025, 3, 3],
        arrival: [2025, 3, 3],
        documents: [2025, 3, 3],
        release: i === 0 ? [2025, 3, 31] : [2025, 3, 5],
      }),
    );
    const model = fixtureModel({ alliances: [alliance("Veinte")], operations: ops, nonconformities: [], extraHolidays: [] });
    const r = computeEvaluation(model, YEAR).alliances[0];
    expect(r?.onTimePct).toBe(95);
    expect(r?.scores.c1).toBe(5);
  });

  it("refuses a year outside the holiday calendar with a Spanish message", () => {
    expect(() => computeEvaluation(fixtureModel(), 1900)).toThrow(/año 1900/);
  });
});

describe("evaluationToJson", () => {
  it("prints the documented --json shape, with null where a figure is not computable", () => {
    const json = JSON.parse(JSON.stringify(evaluationToJson(computeEvaluation(fixtureModel(), YEAR, new Map([[ANDES, { c4: 5, c5: 5 }]])))));
    expect(Object.keys(json)).toEqual(["year", "alliances"]);
    expect(Object.keys(json.alliances[0])).toEqual([
      "alliance", "operations", "measured", "onTime", "onTimePct", "avgServiceDays", "nonconformities",
      "ncPer100", "complaints", "closedEffectivePct", "scores", "score", "rating",
    ]);
    expect(json.alliances[2]).toMatchObject({ alliance: ANDES, score: 72, rating: "Aceptable", scores: { c1: 1, c2: 5, c3: 5, c4: 5, c5: 5 } });
    expect(json.alliances[3]).toMatchObject({
      alliance: CAPITAL, operations: 0, onTimePct: null, avgServiceDays: null, ncPer100: null, score: null, rating: null,
      scores: { c1: null, c2: null, c3: null, c4: null, c5: null },
    });
  });
});
