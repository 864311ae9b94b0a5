import { ncManagementScore, qualityScore, timelinessScore } from "../../../src/domain/evaluation/criteria-scores";

describe("timelinessScore (C1, % cumplimiento ANS)", () => {
  it.each([
    [100, 5], [95, 5], [94.99, 4], [90, 4], [89.99, 3], [85, 3], [84.99, 2], [75, 2], [74.99, 1], [0, 1],
  ])("scores %p %% as %p", (pct, score) => {
    expect(timelinessScore(pct)).toBe(score);
  });
});

describe("qualityScore (C2, NC por cada 100 DO)", () => {
  it.each([
    [0, 5], [0.01, 4], [1, 4], [1.01, 3], [2, 3], [2.01, 2], [4, 2], [4.01, 1], [50, 1],
  ])("scores %p NC per 100 DO as %p", (rate, score) => {
    expect(qualityScore(rate)).toBe(score);
  });
});

describe("ncManagementScore (C3, % NC cerradas eficaces)", () => {
  it.each([
    [null, 5], [100, 5], [90, 5], [89.99, 4], [75, 4], [74.99, 3], [60, 3], [59.99, 2], [40, 2], [39.99, 1], [0, 1],
  ])("scores %p %% as %p", (pct, score) => {
    expect(ncManagementScore(pct)).toBe(score);
  });
});
