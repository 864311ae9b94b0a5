import { isoDate } from "../followup/follow-up-json";
import type { AgeBand, IndicatorsResult, ServiceFigures } from "./compute-indicators";
import type { StageOrTotal } from "./stages";

type FiguresJson = ServiceFigures;

/** The `control-alianzas indicadores --json` shape; null where a figure is not computable. */
export interface IndicatorsJson {
  year: number;
  months: { month: number; alliances: (FiguresJson & { alliance: string })[] }[];
  stages: { alliance: string; stage: StageOrTotal; median: number | null; p90: number | null }[];
  nonconformities: {
    byMonthAndType: { month: number; type: string; count: number }[];
    openByAge: Record<AgeBand, number>;
    openAsOf: string;
    closedEffectivePct: number | null;
  };
  totals: {
    byMonth: (FiguresJson & { month: number })[];
    byAlliance: (FiguresJson & { alliance: string })[];
    byCity: (FiguresJson & { city: string })[];
    year: FiguresJson;
  };
}

function figuresJson(f: ServiceFigures): FiguresJson {
  return {
    opened: f.opened,
    measured: f.measured,
    onTime: f.onTime,
    onTimePct: f.onTimePct,
    avgServiceDays: f.avgServiceDays,
    medianServiceDays: f.medianServiceDays,
  };
}

export function indicatorsToJson(result: IndicatorsResult): IndicatorsJson {
  return {
    year: result.year,
    months: result.months.map((m) => ({
      month: m.month,
      alliances: m.alliances.map((a) => ({ alliance: a.alliance, ...figuresJson(a) })),
    })),
    stages: result.stages.map((s) => ({ alliance: s.alliance, stage: s.stage, median: s.median, p90: s.p90 })),
    nonconformities: {
      byMonthAndType: result.nonconformities.byMonthAndType,
      openByAge: result.nonconformities.openByAge,
      openAsOf: isoDate(result.nonconformities.asOf),
      closedEffectivePct: result.nonconformities.closedEffectivePct,
    },
    totals: {
      byMonth: result.months.map((m) => ({ month: m.month, ...figuresJson(m.total) })),
      byAlliance: result.byAlliance.map((a) => ({ alliance: a.alliance, ...figuresJson(a) })),
      byCity: result.byCity.map((c) => ({ city: c.city, ...figuresJson(c) })),
      year: figuresJson(result.total),
    },
  };
}
