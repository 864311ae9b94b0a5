import * as formulajs from "@formulajs/formulajs";
import { computeIndicators, indicatorsToJson, percentileInc } from "../../../src/domain/indicators";
import { computeEvaluation } from "../../../src/domain/evaluation";
import { readWorkbookModel } from "../../../src/domain/workbook/read-model";
import { oracleServiceDays, serial } from "../evaluation/independent-oracle";
import { seededRandom } from "../calendar/excel-oracle";
import { ALLIANCES, EXTRA_HOLIDAYS, YEAR, indicatorsWorkbook, randomNonconformities, randomOperations } from "./indicators-workbook";
import type { Nonconformity, Operation } from "./indicators-workbook";

const EPOCH = Date.UTC(1899, 11, 30);
const dateOf = (s: number): Date => new Date(EPOCH + Math.floor(s) * 86_400_000);
const yearOf = (s: number): number => dateOf(s).getUTCFullYear();
const monthOf = (s: number): number => dateOf(s).getUTCMonth() + 1;
const TODAY = serial(2026, 6, 27);

function excelMedian(values: number[]): number | null {
  return values.length === 0 ? null : (formulajs.MEDIAN(values) as number);
}
function excelP90(values: number[]): number | null {
  return values.length === 0 ? null : (formulajs.PERCENTILE.INC(values, 0.9) as number);
}

interface Oracle {
  op: Operation;
  alliance: (typeof ALLIANCES)[number];
  total: number | null;
  stages: Record<string, number | null>;
  onTime: boolean;
}

/** Each DO of the year measured without the domain: NETWORKDAYS.INTL (formulajs) with date-holidays' Colombian holidays. */
function oracle(operations: Operation[]): Oracle[] {
  return operations
    .filter((op) => yearOf(op.opened) === YEAR)
    .map((op) => {
      const alliance = ALLIANCES.find((a) => a.name.toLowerCase() === op.alliance.toLowerCase())!;
      const days = (from: number | null, to: number | null, client = 0): number | null =>
        from === null || to === null || to < from ? null : oracleServiceDays(from, to, alliance.saturday, EXTRA_HOLIDAYS, client);
      const start = op.arrival === null ? op.documents : Math.max(op.arrival, op.documents ?? 0);
      const total = days(start, op.release, op.clientDays);
      const stages: Record<string, number | null> =
        total === null
          ? {}
          : {
              "documentos-presentacion": days(start, op.declaration),
              "presentacion-levante": days(op.declaration, op.release),
              "levante-entrega": days(op.release, op.delivery),
              "levante-facturacion": days(op.release, op.invoiced),
              total,
            };
      const target = op.type === "Importación" ? alliance.importTarget : alliance.exportTarget;
      return { op, alliance, total, stages, onTime: total !== null && total <= target };
    });
}

function expectedFigures(items: Oracle[]) {
  const days = items.flatMap((i) => (i.total === null ? [] : [i.total]));
  const onTime = items.filter((i) => i.onTime).length;
  return {
    opened: items.length,
    measured: days.length,
    onTime,
    onTimePct: days.length ? (100 * onTime) / days.length : null,
    avgServiceDays: days.length ? (formulajs.AVERAGE(days) as number) : null,
    medianServiceDays: excelMedian(days),
  };
}

function expectFigures(actual: ReturnType<typeof expectedFigures>, expected: ReturnType<typeof expectedFigures>): void {
  const { opened, measured, onTime, onTimePct, medianServiceDays } = actual;
  expect({ opened, measured, onTime, onTimePct, medianServiceDays, avgServiceDays: null }).toEqual({ ...expected, avgServiceDays: null });
  if (expected.avgServiceDays === null) expect(actual.avgServiceDays).toBeNull();
  else expect(actual.avgServiceDays).toBeCloseTo(expected.avgServiceDays, 10);
}

describe("percentileInc", () => {
  it("equals Excel's PERCENTILE.INC (formulajs) on random samples, and MEDIAN at 0.5", () => {
    const random = seededRandom(5);
    for (let n = 1; n <= 40; n++) {
      const values = Array.from({ length: n }, () => Math.floor(random() * 30));
      for (const k of [0, 0.1, 0.5, 0.9, 0.95, 1]) expect(percentileInc(values, k)).toBeCloseTo(formulajs.PERCENTILE.INC(values, k) as number, 10);
      expect(percentileInc(values, 0.5)).toBeCloseTo(formulajs.MEDIAN(values) as number, 10);
    }
    expect(percentileInc([], 0.9)).toBeNull();
  });
});

describe.each([1, 2])("computeIndicators (seed %i)", (seed) => {
  const operations = randomOperations(seed);
  const ncs = randomNonconformities(seed + 100);
  const model = readWorkbookModel(indicatorsWorkbook(operations, ncs));
  const result = computeIndicators(model, YEAR, TODAY);
  const expected = oracle(operations);

  it("gives DOs opened, measured, on time, % and average/median service days by month and alliance as the independent count", () => {
    expect(result.alliances).toEqual(ALLIANCES.map((a) => a.name));
    expect(result.months.map((m) => m.month)).toEqual([1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12]);
    for (const month of result.months) {
      const inMonth = expected.filter((e) => monthOf(e.op.opened) === month.month);
      expectFigures(month.total, expectedFigures(inMonth));
      for (const row of month.alliances) expectFigures(row, expectedFigures(inMonth.filter((e) => e.alliance.name === row.alliance)));
    }
    expect(result.months.reduce((sum, m) => sum + m.total.measured, 0)).toBeGreaterThan(100);
  });

  it("totals by alliance and by city, and the yearly figures per alliance are the evaluation's", () => {
    for (const row of result.byAlliance) expectFigures(row, expectedFigures(expected.filter((e) => e.alliance.name === row.alliance)));
    expect(result.byCity.map((c) => c.city).sort()).toEqual(["Bogotá", "Cartagena", "Cúcuta", "Medellín"]);
    for (const row of result.byCity) expectFigures(row, expectedFigures(expected.filter((e) => e.op.city === row.city)));
    expectFigures(result.total, expectedFigures(expected));
    const evaluation = computeEvaluation(model, YEAR);
    for (const a of evaluation.alliances) {
      const mine = result.byAlliance.find((r) => r.alliance === a.alliance)!;
      expect([mine.opened, mine.measured, mine.onTime, mine.onTimePct]).toEqual([a.operations, a.measured, a.onTime, a.onTimePct]);
    }
  });

  it("gives the median and 90th percentile of every stage per alliance like MEDIAN and PERCENTILE.INC", () => {
    for (const alliance of ALLIANCES) {
      for (const stage of ["documentos-presentacion", "presentacion-levante", "levante-entrega", "levante-facturacion", "total"]) {
        const values = expected.flatMap((e) => {
          const v = e.alliance === alliance ? e.stages[stage] : undefined;
          return v === null || v === undefined ? [] : [v];
        });
        const row = result.stages.find((s) => s.alliance === alliance.name && s.stage === stage)!;
        expect(row.count).toBe(values.length);
        expect(row.median).toBeCloseTo(excelMedian(values)!, 10);
        expect(row.p90).toBeCloseTo(excelP90(values)!, 10);
      }
    }
  });

  it("counts the NCs by month and Tipo (not Anulada), the open ones on 31 December by age band, and the % closed effective", () => {
    const yearNcs = ncs.filter((nc) => yearOf(nc.date) === YEAR && nc.status !== "Anulada");
    const byKey = new Map<string, number>();
    for (const nc of yearNcs) byKey.set(`${monthOf(nc.date)}|${nc.type}`, (byKey.get(`${monthOf(nc.date)}|${nc.type}`) ?? 0) + 1);
    expect(new Map(result.nonconformities.byMonthAndType.map((r) => [`${r.month}|${r.type}`, r.count]))).toEqual(byKey);
    const asOf = serial(YEAR, 12, 31);
    const bands = { "0-30": 0, "31-60": 0, "61-90": 0, ">90": 0 };
    const isOpen = (nc: Nonconformity): boolean =>
      nc.date <= asOf && nc.status !== "Anulada" && (nc.closed !== null ? nc.closed > asOf : nc.status !== "Cerrada");
    for (const nc of ncs.filter(isOpen)) {
      const age = asOf - nc.date;
      bands[age <= 30 ? "0-30" : age <= 60 ? "31-60" : age <= 90 ? "61-90" : ">90"]++;
    }
    expect(result.nonconformities.openByAge).toEqual(bands);
    expect(Object.values(bands).reduce((a, b) => a + b, 0)).toBeGreaterThan(5);
    const effective = yearNcs.filter((nc) => nc.status === "Cerrada" && nc.effective === "Sí").length;
    expect(result.nonconformities.closedEffectivePct).toBeCloseTo((100 * effective) / yearNcs.length, 10);
  });
});

describe("indicatorsToJson", () => {
  it("has the command's shape, with null where nothing was measured", () => {
    const ops = randomOperations(3, 30);
    const model = readWorkbookModel(indicatorsWorkbook(ops, []));
    const json = indicatorsToJson(computeIndicators(model, YEAR, TODAY));
    expect(Object.keys(json)).toEqual(["year", "months", "stages", "nonconformities", "totals"]);
    expect(json.months).toHaveLength(12);
    const row = json.months[0]!.alliances[0]!;
    expect(Object.keys(row)).toEqual(["alliance", "opened", "measured", "onTime", "onTimePct", "avgServiceDays", "medianServiceDays"]);
    const empty = json.months.flatMap((m) => m.alliances).find((a) => a.measured === 0)!;
    expect(empty).toMatchObject({ onTimePct: null, avgServiceDays: null, medianServiceDays: null });
    expect(Object.keys(json.stages[0]!)).toEqual(["alliance", "stage", "median", "p90"]);
    expect(json.nonconformities.openByAge).toEqual({ "0-30": 0, "31-60": 0, "61-90": 0, ">90": 0 });
    expect(json.nonconformities.closedEffectivePct).toBeNull();
    expect(json.nonconformities.openAsOf).toBe("2025-12-31");
  });

  it("rejects a year outside the calendar", () => {
    const model = readWorkbookModel(indicatorsWorkbook([], []));
    expect(() => computeIndicators(model, 1900, TODAY)).toThrow(/El año 1900 no es válido/);
  });
});
