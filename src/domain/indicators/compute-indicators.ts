import { IndicatorMessages } from "./messages";
import { isSupportedYear, serialFromYmd, ymdFromSerial } from "../calendar";
import { sameText } from "../evaluation/text-key";
import { LISTS } from "../workbook/headers";
import type { AllianceRecord, NonconformityRecord, OperationRecord, WorkbookModel } from "../workbook/model";
import { allianceKey } from "../workbook/alliance-lookup";
import { targetFor } from "../workbook/service-level";
import { median, percentileInc } from "./percentile";
import type { StageDays, StageOrTotal } from "./stages";
import { STAGES, stageDays } from "./stages";

/** DO figures of one group (a month and alliance, a month, an alliance, a city). Null = not computable. */
export interface ServiceFigures {
  /** DOs with Fecha apertura DO in the group. */
  opened: number;
  /** Of those, DOs with a service time (start and levante filled, levante not before start). */
  measured: number;
  /** Measured DOs whose Tiempo servicio ≤ Meta ANS (a DO without Meta ANS is not on time). */
  onTime: number;
  onTimePct: number | null;
  avgServiceDays: number | null;
  medianServiceDays: number | null;
}

export interface StageFigures {
  alliance: string;
  stage: StageOrTotal;
  /** DOs with this stage's two dates. */
  count: number;
  median: number | null;
  p90: number | null;
}

export const AGE_BANDS = ["0-30", "31-60", "61-90", ">90"] as const;
export type AgeBand = (typeof AGE_BANDS)[number];

export interface IndicatorsResult {
  year: number;
  /** Alliances with DOs opened in the year: tblAlianzas' order, then names typed in Operaciones that are not there. */
  alliances: string[];
  /** 12 entries; each alliance of `alliances` in order. */
  months: { month: number; alliances: (ServiceFigures & { alliance: string })[]; total: ServiceFigures }[];
  byAlliance: (ServiceFigures & { alliance: string })[];
  byCity: (ServiceFigures & { city: string })[];
  total: ServiceFigures;
  stages: StageFigures[];
  nonconformities: {
    /** Tipos of the list first, then others typed; only non-zero counts. */
    byMonthAndType: { month: number; type: string; count: number }[];
    /** NCs of the year (not Anulada) by month. */
    byMonth: number[];
    /** NCs still open on `asOf` (not Anulada, not closed by then) by calendar days since their Fecha. */
    openByAge: Record<AgeBand, number>;
    /** The day the open NCs are counted on: today, or 31 December for a past year. */
    asOf: number;
    /** NCs of the year Cerrada with Eficaz = Sí over all NCs of the year (not Anulada). */
    closedEffectivePct: number | null;
    total: number;
  };
}

interface MeasuredOperation {
  op: OperationRecord;
  month: number;
  group: string;
  stages: StageDays | null;
  onTime: boolean;
}

function monthIn(serial: number | null, year: number): number | null {
  if (serial === null || !Number.isFinite(serial) || serial < 1) return null;
  const date = ymdFromSerial(serial);
  return date.year === year ? date.month : null;
}

function figures(items: readonly MeasuredOperation[]): ServiceFigures {
  const days = items.flatMap((i) => (i.stages === null ? [] : [i.stages.total ?? 0]));
  const onTime = items.filter((i) => i.onTime).length;
  return {
    opened: items.length,
    measured: days.length,
    onTime,
    // Integer × 100 / integer is exact when the true percentage is.
    onTimePct: days.length > 0 ? (onTime * 100) / days.length : null,
    avgServiceDays: days.length > 0 ? days.reduce((a, b) => a + b, 0) / days.length : null,
    medianServiceDays: median(days),
  };
}

function ageBand(days: number): AgeBand {
  if (days <= 30) return "0-30";
  if (days <= 60) return "31-60";
  if (days <= 90) return "61-90";
  return ">90";
}

/** Open on `asOf`: dated by then, not Anulada, and not closed by then (a Cerrada without Fecha cierre counts as closed). */
function openOn(nc: NonconformityRecord, asOf: number): boolean {
  if (nc.date === null || Math.floor(nc.date) > asOf || sameText(nc.status, "Anulada")) return false;
  if (nc.closedDate !== null) return Math.floor(nc.closedDate) > asOf;
  return !sameText(nc.status, "Cerrada");
}

function orderedNames(model: WorkbookModel, operations: readonly OperationRecord[]): { names: string[]; groupOf: (op: OperationRecord) => string; recordOf: Map<string, AllianceRecord> } {
  const recordOf = new Map<string, AllianceRecord>();
  const display = new Map<string, string>();
  for (const alliance of model.alliances) {
    const key = allianceKey(alliance.name);
    if (key !== "" && !recordOf.has(key)) {
      recordOf.set(key, alliance);
      display.set(key, alliance.name);
    }
  }
  const groupOf = (op: OperationRecord): string => allianceKey(op.alliance);
  const used = new Set(operations.map(groupOf));
  const names = [...display.keys()].filter((key) => used.has(key));
  for (const op of operations) {
    const key = groupOf(op);
    if (!display.has(key)) {
      display.set(key, op.alliance.trim() === "" ? "(sin aliado)" : op.alliance.trim());
      names.push(key);
    }
  }
  return { names: names.map((key) => display.get(key) ?? key), groupOf: (op) => display.get(groupOf(op)) ?? "", recordOf };
}

/**
 * The quality indicators of `year` (SPEC §7): DOs by Fecha apertura DO month, alliance and city; the stages
 * per alliance (median and PERCENTILE.INC 90 of the DOs measured); NCs by Fecha month and Tipo, the open ones
 * by age on `today` (or 31 December of a past year) and the % closed effective. Alliances are matched like the
 * evaluation matches them, so the yearly figures per alliance are the evaluation's.
 */
export function computeIndicators(model: WorkbookModel, year: number, today: number): IndicatorsResult {
  if (!isSupportedYear(year)) {
    throw new RangeError(IndicatorMessages.unsupportedYear(year));
  }
  const yearOps = model.operations.filter((op) => monthIn(op.opened, year) !== null);
  const { names, groupOf, recordOf } = orderedNames(model, yearOps);
  const items: MeasuredOperation[] = yearOps.map((op) => {
    const alliance = recordOf.get(allianceKey(op.alliance));
    const stages = stageDays(op, alliance, model.extraHolidays);
    const target = targetFor(op, alliance);
    return {
      op,
      month: monthIn(op.opened, year) ?? 0,
      group: groupOf(op),
      stages,
      onTime: stages !== null && stages.total !== null && target !== null && stages.total <= target,
    };
  });

  const months = Array.from({ length: 12 }, (_, i) => {
    const inMonth = items.filter((item) => item.month === i + 1);
    return {
      month: i + 1,
      alliances: names.map((alliance) => ({ alliance, ...figures(inMonth.filter((item) => item.group === alliance)) })),
      total: figures(inMonth),
    };
  });
  const byAlliance = names.map((alliance) => ({ alliance, ...figures(items.filter((item) => item.group === alliance)) }));
  const cities: string[] = [];
  for (const item of items) {
    const city = item.op.city.trim() === "" ? "(sin ciudad)" : item.op.city.trim();
    if (!cities.some((c) => sameText(c, city))) cities.push(city);
  }
  const cityOf = (item: MeasuredOperation): string => (item.op.city.trim() === "" ? "(sin ciudad)" : item.op.city.trim());
  const byCity = cities.map((city) => ({ city, ...figures(items.filter((item) => sameText(cityOf(item), city))) }));

  const stages: StageFigures[] = [];
  for (const alliance of names) {
    const measured = items.filter((item) => item.group === alliance && item.stages !== null);
    if (measured.length === 0) continue;
    for (const stage of [...STAGES, "total" as const]) {
      const values = measured.flatMap((item) => {
        const value = item.stages?.[stage];
        return value === null || value === undefined ? [] : [value];
      });
      stages.push({ alliance, stage, count: values.length, median: median(values), p90: percentileInc(values, 0.9) });
    }
  }

  return { year, alliances: names, months, byAlliance, byCity, total: figures(items), stages, nonconformities: nonconformityFigures(model, year, today) };
}

function nonconformityFigures(model: WorkbookModel, year: number, today: number): IndicatorsResult["nonconformities"] {
  const yearNcs = model.nonconformities.filter((nc) => monthIn(nc.date, year) !== null && !sameText(nc.status, "Anulada"));
  const types: string[] = [...LISTS.nonconformityType];
  for (const nc of yearNcs) {
    const type = nc.type.trim() === "" ? "(sin tipo)" : nc.type.trim();
    if (!types.some((t) => sameText(t, type))) types.push(type);
  }
  const typeOf = (nc: NonconformityRecord): string => types.find((t) => sameText(t, nc.type.trim() === "" ? "(sin tipo)" : nc.type)) ?? nc.type;
  const byMonthAndType: { month: number; type: string; count: number }[] = [];
  const byMonth: number[] = [];
  for (let month = 1; month <= 12; month++) {
    const inMonth = yearNcs.filter((nc) => monthIn(nc.date, year) === month);
    byMonth.push(inMonth.length);
    for (const type of types) {
      const count = inMonth.filter((nc) => typeOf(nc) === type).length;
      if (count > 0) byMonthAndType.push({ month, type, count });
    }
  }
  const asOf = Math.min(Math.floor(today), serialFromYmd(year, 12, 31));
  const openByAge: Record<AgeBand, number> = { "0-30": 0, "31-60": 0, "61-90": 0, ">90": 0 };
  for (const nc of model.nonconformities) {
    if (nc.date !== null && openOn(nc, asOf)) openByAge[ageBand(asOf - Math.floor(nc.date))]++;
  }
  const effective = yearNcs.filter((nc) => sameText(nc.status, "Cerrada") && sameText(nc.effective, "Sí")).length;
  return {
    byMonthAndType,
    byMonth,
    openByAge,
    asOf,
    closedEffectivePct: yearNcs.length > 0 ? (effective * 100) / yearNcs.length : null,
    total: yearNcs.length,
  };
}
