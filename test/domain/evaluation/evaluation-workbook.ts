/** The fixture model of fixture-model.ts laid out as a prepared workbook snapshot (tables by SPEC headers). */
import { DEFAULT_RATING_BAND_ROWS, DEFAULT_WEIGHT_ROWS } from "../../../src/domain/workbook/parameters-schema";
import {
  ALLIANCE_HEADERS,
  EXTRA_HOLIDAY_HEADERS,
  NONCONFORMITY_HEADERS,
  OPERATION_HEADERS,
  PARAMETER_TABLES,
  RATING_BAND_HEADERS,
  SHEETS,
  TABLES,
  WEIGHT_HEADERS,
} from "../../../src/domain/workbook/headers";
import type { AllianceRecord } from "../../../src/domain/workbook/model";
import type { CellValue, WorkbookSnapshot } from "../../../src/domain/workbook/snapshot";
import { buildSnapshot } from "../../helpers/snapshot-builder";
import type { FixtureSheet } from "../../helpers/snapshot-builder";
import type { NonconformitySpec, OperationSpec } from "./fixture-model";
import { ALLIANCES, EXTRA_HOLIDAYS, NONCONFORMITIES, OPERATIONS, nonconformity, operation } from "./fixture-model";

export interface WorkbookFixture {
  alliances?: AllianceRecord[];
  operations?: OperationSpec[];
  nonconformities?: NonconformitySpec[];
  /** Peso per criterion row (C1…C5); null = no tblPesosEvaluacion at all. */
  weights?: number[] | null;
  /** Puntaje mínimo of Excelente, Bueno, Aceptable, Deficiente. */
  bandMinimums?: number[];
  /** Extra sheets (e.g. an existing `Evaluación 2025`). */
  extraSheets?: FixtureSheet[];
}

const yesNo = (flag: boolean) => (flag ? "Sí" : "No");

export function evaluationWorkbook(fixture: WorkbookFixture = {}): WorkbookSnapshot {
  const alliances = fixture.alliances ?? ALLIANCES;
  const operations = (fixture.operations ?? OPERATIONS).map(operation);
  const ncs = (fixture.nonconformities ?? NONCONFORMITIES).map(nonconformity);
  const weights = fixture.weights === undefined ? DEFAULT_WEIGHT_ROWS.map(([, w]) => w) : fixture.weights;
  const minimums = fixture.bandMinimums ?? DEFAULT_RATING_BAND_ROWS.map(([, m]) => m);

  const operationRows: CellValue[][] = operations.map((o) => [
    o.do, o.type, o.client, o.city, o.mode, o.alliance, o.opened, o.arrival, o.documentsComplete, o.release,
    o.clientDelayDays === 0 ? null : o.clientDelayDays,
  ]);
  const allianceRows: CellValue[][] = alliances.map((a) => [
    a.name, a.nit, a.cities.join("; "), a.contract, a.contractStart, a.contractEnd, a.importTarget, a.exportTarget,
    yesNo(a.saturdayIsBusiness), a.status,
  ]);
  const ncRows: CellValue[][] = ncs.map((n) => [
    n.number, n.date, n.type, n.do || null, n.alliance || null, n.description, n.effective, n.status,
  ]);
  const parameterTables: FixtureSheet["tables"] = [
    {
      name: PARAMETER_TABLES.ratingBands,
      at: "E1",
      rows: [
        [RATING_BAND_HEADERS.rating, RATING_BAND_HEADERS.minimum, RATING_BAND_HEADERS.decision],
        ...DEFAULT_RATING_BAND_ROWS.map(([rating, , decision], i) => [rating, minimums[i] ?? 0, decision]),
      ],
    },
    {
      name: TABLES.extraHolidays,
      at: "I1",
      rows: [[EXTRA_HOLIDAY_HEADERS.date, EXTRA_HOLIDAY_HEADERS.reason], ...EXTRA_HOLIDAYS.map((d) => [d, "Día cívico"])],
    },
  ];
  if (weights !== null) {
    parameterTables.push({
      name: PARAMETER_TABLES.weights,
      at: "A1",
      rows: [[WEIGHT_HEADERS.criterion, WEIGHT_HEADERS.weight], ...DEFAULT_WEIGHT_ROWS.map(([c], i) => [c, weights[i] ?? 0])],
    });
  }
  return buildSnapshot([
    {
      name: SHEETS.operations,
      tables: [
        {
          name: TABLES.operations,
          at: "A1",
          rows: [
            [
              OPERATION_HEADERS.do, OPERATION_HEADERS.type, OPERATION_HEADERS.client, OPERATION_HEADERS.city,
              OPERATION_HEADERS.mode, OPERATION_HEADERS.alliance, OPERATION_HEADERS.opened, OPERATION_HEADERS.arrival,
              OPERATION_HEADERS.documentsComplete, OPERATION_HEADERS.release, OPERATION_HEADERS.clientDelayDays,
            ],
            ...operationRows,
          ],
        },
      ],
    },
    {
      name: SHEETS.alliances,
      tables: [
        {
          name: TABLES.alliances,
          at: "A1",
          rows: [
            [
              ALLIANCE_HEADERS.alliance, ALLIANCE_HEADERS.nit, ALLIANCE_HEADERS.cities, ALLIANCE_HEADERS.contract,
              ALLIANCE_HEADERS.contractStart, ALLIANCE_HEADERS.contractEnd, ALLIANCE_HEADERS.importTarget,
              ALLIANCE_HEADERS.exportTarget, ALLIANCE_HEADERS.saturdayBusiness, ALLIANCE_HEADERS.status,
            ],
            ...allianceRows,
          ],
        },
      ],
    },
    {
      name: SHEETS.nonconformities,
      tables: [
        {
          name: TABLES.nonconformities,
          at: "A1",
          rows: [
            [
              NONCONFORMITY_HEADERS.number, NONCONFORMITY_HEADERS.date, NONCONFORMITY_HEADERS.type, NONCONFORMITY_HEADERS.do,
              NONCONFORMITY_HEADERS.alliance, NONCONFORMITY_HEADERS.description, NONCONFORMITY_HEADERS.effective,
              NONCONFORMITY_HEADERS.status,
            ],
            ...ncRows,
          ],
        },
      ],
    },
    { name: SHEETS.parameters, tables: parameterTables },
    ...(fixture.extraSheets ?? []),
  ]);
}
