import { DEFAULT_RATING_BANDS, decisionForRating, ratingForScore } from "../../../src/domain/evaluation/rating";

describe("ratingForScore", () => {
  it.each([
    [100, "Excelente"],
    [90, "Excelente"],
    [89.99, "Bueno"],
    [75, "Bueno"],
    [74.99, "Aceptable"],
    [60, "Aceptable"],
    [59.99, "Deficiente"],
    [0, "Deficiente"],
  ] as const)("returns for %d: %s", (score, rating) => {
    expect(ratingForScore(score)).toBe(rating);
  });

  it("returns Deficiente for a criterio excluyente, whatever the score", () => {
    expect(ratingForScore(100, true)).toBe("Deficiente");
  });

  it("honours custom bands from Parámetros", () => {
    const bands = { ...DEFAULT_RATING_BANDS, excellent: 95 };
    expect(ratingForScore(92, false, bands)).toBe("Bueno");
  });
});

describe("decisionForRating", () => {
  it.each([
    ["Excelente", "Mantener / renovar"],
    ["Bueno", "Mantener con seguimiento"],
    ["Aceptable", "Plan de mejora; re-evaluación en 6 meses"],
    ["Deficiente", "Suspender asignaciones; revisar terminación del contrato"],
  ] as const)("returns the decision for %s", (rating, decision) => {
    expect(decisionForRating(rating)).toBe(decision);
  });
});
