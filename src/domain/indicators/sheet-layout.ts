import { formatSerial } from "../calendar";
import { readText } from "../workbook/cell-reading";
import { LISTS } from "../workbook/headers";
import type { CellValue } from "../workbook/snapshot";
import type { IndicatorsResult, ServiceFigures } from "./compute-indicators";
import { AGE_BANDS } from "./compute-indicators";
import { STAGES, STAGE_SHORT_LABELS } from "./stages";

export const indicatorsSheetName = (year: number): string => `Indicadores ${year}`;
export const COMMENT_HEADER = "Comentario";
export const ONE_DECIMAL_PERCENT_FORMAT = "0.0%";
export const DAYS_FORMAT = "0.0";
export const MONTH_NAMES = [
  "Enero", "Febrero", "Marzo", "Abril", "Mayo", "Junio", "Julio", "Agosto", "Septiembre", "Octubre", "Noviembre", "Diciembre",
];
export const UPDATED_LABEL = "Cifras actualizadas el";
export const UPDATED_ROW = 2;
const FIRST_BLOCK_ROW = 5;

/** The blocks of the sheet, each found again on regeneration by its title (the text before " — "). */
export const BLOCKS = {
  monthAlliance: "Cumplimiento ANS por mes y aliado",
  monthPct: "% a tiempo por mes y aliado",
  alliance: "Totales por aliado",
  city: "Totales por ciudad",
  stageMedian: "Etapas por aliado: mediana (días hábiles)",
  stageP90: "Etapas por aliado: percentil 90 (días hábiles)",
  ncMonth: "No conformidades por mes y tipo",
  ncAge: "No conformidades abiertas por antigüedad",
  ncEffective: "Eficacia de las acciones",
  kept: "Comentarios y notas conservados",
} as const;
export type BlockId = keyof typeof BLOCKS;

/** Columns of a block's rows: how many leading cells form the row's key, and the format of each value column. */
export interface Block {
  id: BlockId;
  title: string;
  headers: string[];
  rows: CellValue[][];
  /** Leading columns that identify a row (its comment follows it on regeneration). */
  keyColumns: number;
  /** Number format per column index (value columns only). */
  formats: Record<number, string>;
  /** Whether the last column is the users' «Comentario». */
  commented: boolean;
}

/** A block laid out on the sheet: title at `row`, headers at `row + 1`, data from `row + 2`. */
export interface PlacedBlock extends Block {
  row: number;
}

const FIGURE_HEADERS = ["DO abiertos", "DO medidos", "DO a tiempo", "% a tiempo", "Promedio días hábiles", "Mediana días hábiles"];
const FIGURE_FORMATS = (offset: number): Record<number, string> => ({
  [offset]: "0",
  [offset + 1]: "0",
  [offset + 2]: "0",
  [offset + 3]: ONE_DECIMAL_PERCENT_FORMAT,
  [offset + 4]: DAYS_FORMAT,
  [offset + 5]: DAYS_FORMAT,
});

const fraction = (pct: number | null): CellValue => (pct === null ? null : pct / 100);

function figureCells(f: ServiceFigures): CellValue[] {
  return [f.opened, f.measured, f.onTime, fraction(f.onTimePct), f.avgServiceDays, f.medianServiceDays];
}

/** Comments typed in a block, by the row key ("Enero|Aliado X"). */
export type CommentsByKey = ReadonlyMap<string, string>;

export const rowKey = (cells: readonly CellValue[], keyColumns: number): string =>
  cells
    .slice(0, keyColumns)
    .map((c) => readText(c))
    .join("|");

/** The blocks of `Indicadores AAAA` for a result (without comments; the plan places those). */
export function indicatorBlocks(result: IndicatorsResult): Block[] {
  const withComment = (block: Omit<Block, "commented">): Block => ({ ...block, headers: [...block.headers, COMMENT_HEADER], commented: true });
  const blocks: Block[] = [];
  blocks.push(
    withComment({
      id: "monthAlliance",
      title: BLOCKS.monthAlliance,
      headers: ["Mes", "Aliado", ...FIGURE_HEADERS],
      keyColumns: 2,
      formats: FIGURE_FORMATS(2),
      rows: result.months.flatMap((m) => [
        ...m.alliances.filter((a) => a.opened > 0).map((a) => [MONTH_NAMES[m.month - 1] ?? "", a.alliance, ...figureCells(a)]),
        [MONTH_NAMES[m.month - 1] ?? "", "Total del mes", ...figureCells(m.total)],
      ]),
    }),
  );
  blocks.push(
    withComment({
      id: "monthPct",
      title: BLOCKS.monthPct,
      headers: ["Mes", ...result.alliances, "Todas"],
      keyColumns: 1,
      formats: Object.fromEntries(result.alliances.map((_, i) => [i + 1, ONE_DECIMAL_PERCENT_FORMAT]).concat([[result.alliances.length + 1, ONE_DECIMAL_PERCENT_FORMAT]])),
      rows: result.months.map((m) => [
        MONTH_NAMES[m.month - 1] ?? "",
        ...m.alliances.map((a) => fraction(a.onTimePct)),
        fraction(m.total.onTimePct),
      ]),
    }),
  );
  blocks.push(
    withComment({
      id: "alliance",
      title: BLOCKS.alliance,
      headers: ["Aliado", ...FIGURE_HEADERS],
      keyColumns: 1,
      formats: FIGURE_FORMATS(1),
      rows: [...result.byAlliance.map((a) => [a.alliance, ...figureCells(a)]), ["Total del año", ...figureCells(result.total)]],
    }),
  );
  blocks.push(
    withComment({
      id: "city",
      title: BLOCKS.city,
      headers: ["Ciudad", ...FIGURE_HEADERS],
      keyColumns: 1,
      formats: FIGURE_FORMATS(1),
      rows: result.byCity.map((c) => [c.city, ...figureCells(c)]),
    }),
  );
  const stages = [...STAGES, "total" as const];
  for (const [id, pick] of [
    ["stageMedian", (s: { median: number | null }) => s.median],
    ["stageP90", (s: { p90: number | null }) => s.p90],
  ] as const) {
    const measured = result.alliances.filter((alliance) => result.stages.some((s) => s.alliance === alliance));
    blocks.push(
      withComment({
        id,
        title: BLOCKS[id],
        headers: ["Aliado", ...stages.map((s) => STAGE_SHORT_LABELS[s]), "DO medidos"],
        keyColumns: 1,
        formats: { ...Object.fromEntries(stages.map((_, i) => [i + 1, DAYS_FORMAT])), [stages.length + 1]: "0" },
        rows: measured.map((alliance) => {
          const of = (stage: (typeof stages)[number]) => result.stages.find((s) => s.alliance === alliance && s.stage === stage);
          return [alliance, ...stages.map((stage) => { const s = of(stage); return s ? pick(s) : null; }), of("total")?.count ?? 0];
        }),
      }),
    );
  }
  const nc = result.nonconformities;
  const listOrder = (type: string): number => {
    const i = (LISTS.nonconformityType as readonly string[]).indexOf(type);
    return i < 0 ? Number.MAX_SAFE_INTEGER : i;
  };
  const types = [...new Set(nc.byMonthAndType.map((r) => r.type))].sort((a, b) => listOrder(a) - listOrder(b));
  blocks.push(
    withComment({
      id: "ncMonth",
      title: BLOCKS.ncMonth,
      headers: ["Mes", ...types, "Total"],
      keyColumns: 1,
      formats: Object.fromEntries([...types, "Total"].map((_, i) => [i + 1, "0"])),
      rows: result.months.map((m, i) => [
        MONTH_NAMES[m.month - 1] ?? "",
        ...types.map((type) => nc.byMonthAndType.find((r) => r.month === m.month && r.type === type)?.count ?? 0),
        nc.byMonth[i] ?? 0,
      ]),
    }),
  );
  blocks.push(
    withComment({
      id: "ncAge",
      title: `${BLOCKS.ncAge} — al ${formatSerial(nc.asOf)}`,
      headers: ["Días desde la Fecha", "NC abiertas"],
      keyColumns: 1,
      formats: { 1: "0" },
      rows: AGE_BANDS.map((band) => [band === ">90" ? "Más de 90" : band.replace("-", " a "), nc.openByAge[band]]),
    }),
  );
  blocks.push(
    withComment({
      id: "ncEffective",
      title: BLOCKS.ncEffective,
      headers: ["Año", "NC del año (sin anuladas)", "% cerradas eficaces"],
      keyColumns: 1,
      formats: { 1: "0", 2: ONE_DECIMAL_PERCENT_FORMAT },
      rows: [[String(result.year), nc.total, fraction(nc.closedEffectivePct)]],
    }),
  );
  return blocks;
}

/** Places the blocks one under the other, a blank row between them, from row 5. */
export function placeBlocks(blocks: readonly Block[]): PlacedBlock[] {
  let row = FIRST_BLOCK_ROW;
  return blocks.map((block) => {
    const placed = { ...block, row };
    row += 2 + Math.max(1, block.rows.length) + 1;
    return placed;
  });
}

export const INTRO =
  "DO por mes de «Fecha apertura DO»; días hábiles en el calendario de cada aliado (sábado según «Sábado hábil», " +
  "festivos de Colombia y de tblFestivosExtra). Regenerar actualiza las cifras y conserva lo escrito en «Comentario».";

export const indicatorsTitle = (year: number): string => `Indicadores de gestión ${year} — seguimiento y medición (ISO 9001 §9.1)`;
