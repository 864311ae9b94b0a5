import { isValidNit, nitCheckDigit } from "../identity/nit";
import { findAlliance, suggestAlliance } from "../workbook/alliance-lookup";
import { excelTextKey, looseTextKey, readText } from "../workbook/cell-reading";
import { ALLIANCE_CITIES, OPERATION_HEADERS as H, OWN_OFFICE_CITIES, SHEETS } from "../workbook/headers";
import type { AllianceRecord, OperationRecord, WorkbookModel } from "../workbook/model";
import { doKey } from "../workbook/operation-lookup";
import { tableRowReader } from "../workbook/read-model";
import { measuredServiceDays, targetFor } from "../workbook/service-level";
import { columnOf } from "../workbook/table-location";
import type { LocatedTable } from "../workbook/table-location";
import { checkCell, checkedColumns } from "./column-checks";
import type { FindingCollector } from "./finding-collector";
import { FindingMessages as M, RowLabels } from "./messages";
import { showDate } from "./value-text";

const ALLIANCE_CITY_BY_KEY = new Map(ALLIANCE_CITIES.map(({ city }) => [excelTextKey(city), city]));
const LOOSE_KEY_OF_CITY = new Map<string, string>(ALLIANCE_CITIES.map(({ city }) => [city, looseTextKey(city)]));
const ALLIANCE_CITY_BY_LOOSE = new Map(ALLIANCE_CITIES.map(({ city }) => [looseTextKey(city), city]));
const OWN_OFFICE_BY_LOOSE = new Map(OWN_OFFICE_CITIES.map((city) => [looseTextKey(city), city]));

/** Milestone pairs of SPEC §1.1: `later` must not be before `earlier`. */
type MilestoneKey = "opened" | "arrival" | "documentsComplete" | "declaration" | "release" | "delivery" | "invoiced";
const MILESTONE_ORDER: readonly { later: MilestoneKey; earlier: MilestoneKey; byDay: boolean }[] = [
  { later: "documentsComplete", earlier: "opened", byDay: true },
  { later: "declaration", earlier: "documentsComplete", byDay: false },
  { later: "release", earlier: "declaration", byDay: false },
  { later: "release", earlier: "arrival", byDay: false },
  { later: "delivery", earlier: "release", byDay: false },
  { later: "invoiced", earlier: "release", byDay: true },
];

const coveredCities = new WeakMap<AllianceRecord, Set<string>>();

/** Cities an alliance covers, as loose keys (built once per alliance). */
function citiesOf(alliance: AllianceRecord): Set<string> {
  let cities = coveredCities.get(alliance);
  if (!cities) {
    cities = new Set(alliance.cities.map(looseTextKey));
    coveredCities.set(alliance, cities);
  }
  return cities;
}
const HEADER_OF: Readonly<Record<string, string>> = H;

/** The NIT message: the right check digit when the digits are usable. */
export function nitMessage(header: string, value: string, label: string): string {
  const digits = value.split("-")[0] ?? "";
  const checkDigit = nitCheckDigit(digits);
  const base = digits.replace(/[.\s]/g, "");
  if (checkDigit === null) return M.nitNotANit(header, label, value);
  if (!value.includes("-")) return M.nitMissingCheckDigit(header, label, base, checkDigit);
  return M.nitWrongCheckDigit(header, label, base, checkDigit);
}

/**
 * Every SPEC §5 rule on tblOperaciones rows. Returns the DOs found (lower case → first sheet row), which
 * the non-conformity rules reuse.
 */
export function validateOperations(
  out: FindingCollector,
  located: LocatedTable,
  model: WorkbookModel,
  today: number,
  /** Where the partners are (a legacy workbook may keep them on a sheet of its own name). */
  allianceSheet: string = SHEETS.alliances,
): Map<string, number> {
  const sheet = located.sheet.name;
  const columns = checkedColumns(located);
  const col = (key: string): number | undefined => columnOf(located, key);
  const doCol = col("do") ?? located.firstCol;
  const cityCol = col("city");
  const allianceCol = col("alliance");
  const ncCol = col("nc");
  const serviceCol = col("serviceTime") ?? col("release") ?? doCol;
  const nitCol = col("clientNit");
  const delayCol = col("clientDelayDays");
  const firstRowOfDo = new Map<string, number>();
  const knownNc = new Set(model.nonconformities.map((nc) => excelTextKey(nc.number)).filter((key) => key !== ""));
  const dosWithNc = new Set(model.nonconformities.map((nc) => doKey(nc.do)).filter((key) => key !== ""));
  const todayDate = Math.floor(today);
  const openedCol = col("opened");
  const milestones = MILESTONE_ORDER.map((pair) => ({ ...pair, col: col(pair.later) }));
  const rowAt = tableRowReader(located);

  for (const op of model.operations) {
    const row = op.row;
    const r = rowAt(row);
    const key = op.do === "" ? undefined : op.do;
    const label = RowLabels.operation(op.do, row);
    for (const column of columns) checkCell(out, sheet, row, column, r.get(column.spec.key), label, key);

    if (op.do !== "") {
      const first = firstRowOfDo.get(doKey(op.do));
      if (first === undefined) firstRowOfDo.set(doKey(op.do), row);
      else out.add("do-duplicado", sheet, row, doCol, M.duplicateDo(op.do, first), key);
    }

    if (op.opened !== null && Math.floor(op.opened) > todayDate && openedCol !== undefined) {
      out.add("fecha-futura", sheet, row, openedCol, M.futureDate(H.opened, label, showDate(op.opened), showDate(todayDate)), key);
    }
    for (const { later, earlier, byDay, col: laterCol } of milestones) {
      const a = op[later];
      const b = op[earlier];
      if (a === null || b === null || laterCol === undefined) continue;
      if (byDay ? Math.floor(a) < Math.floor(b) : a < b) {
        out.add(
          "orden-hitos",
          sheet,
          row,
          laterCol,
          M.dateBefore(HEADER_OF[later] ?? later, label, showDate(a), HEADER_OF[earlier] ?? earlier, showDate(b)),
          key,
        );
      }
    }

    if (delayCol !== undefined && op.clientDelayDays < 0) {
      out.add("valor-no-permitido", sheet, row, delayCol, M.negativeDays(H.clientDelayDays, label, op.clientDelayDays), key);
    }
    if (nitCol !== undefined && op.clientNit !== "" && !isValidNit(op.clientNit)) {
      out.add("nit-invalido", sheet, row, nitCol, nitMessage(H.clientNit, op.clientNit, label), key);
    }

    const cityText = readText(r.get("city"));
    let city: string | null = null;
    if (cityText !== "" && cityCol !== undefined) {
      city = ALLIANCE_CITY_BY_KEY.get(excelTextKey(cityText)) ?? null;
      if (city === null) {
        const own = OWN_OFFICE_BY_LOOSE.get(looseTextKey(cityText));
        const meant = ALLIANCE_CITY_BY_LOOSE.get(looseTextKey(cityText));
        if (own) {
          out.add("fuera-de-alcance", sheet, row, cityCol, M.ownOffice(op.do, row, own), key);
        } else {
          out.add(
            "ciudad-desconocida",
            sheet,
            row,
            cityCol,
            meant
              ? M.cityMeant(H.city, label, cityText, meant)
              : M.cityUnknown(H.city, label, cityText),
            key,
          );
        }
      }
    }

    const alliance = op.alliance === "" ? undefined : findAlliance(model.alliances, op.alliance);
    if (op.alliance !== "" && !alliance && allianceCol !== undefined) {
      out.add("aliado-desconocido", sheet, row, allianceCol, unknownAllianceMessage(op.alliance, label, model.alliances, allianceSheet), key);
    }
    if (alliance && allianceCol !== undefined) {
      if (city !== null && alliance.cities.length > 0 && !citiesOf(alliance).has(LOOSE_KEY_OF_CITY.get(city) ?? city)) {
        out.add(
          "aliado-sin-cobertura",
          sheet,
          row,
          allianceCol,
          M.allianceNotCovering(alliance.name, label, city, alliance.cities.join(", "), allianceSheet),
          key,
        );
      }
      const { contractStart: start, contractEnd: end } = alliance;
      if (op.opened !== null && start !== null && end !== null && (Math.floor(op.opened) < Math.floor(start) || Math.floor(op.opened) > Math.floor(end))) {
        out.add(
          "contrato-vencido",
          sheet,
          row,
          allianceCol,
          M.contractNotInForce(alliance.name, showDate(start), showDate(end), showDate(op.opened), label, allianceSheet),
          key,
        );
      }
    }
    checkAns(out, sheet, row, op, alliance, model, { serviceCol, ncCol: ncCol ?? doCol, label, key, knownNc, dosWithNc });
  }
  return firstRowOfDo;
}

function unknownAllianceMessage(name: string, label: string, alliances: readonly AllianceRecord[], allianceSheet: string): string {
  const meant = suggestAlliance(alliances, name);
  return M.unknownAlliance(H.alliance, label, name, meant?.name, allianceSheet);
}

interface AnsContext {
  serviceCol: number;
  ncCol: number;
  label: string;
  key: string | undefined;
  knownNc: ReadonlySet<string>;
  dosWithNc: ReadonlySet<string>;
}

function checkAns(
  out: FindingCollector,
  sheet: string,
  row: number,
  op: OperationRecord,
  alliance: AllianceRecord | undefined,
  model: WorkbookModel,
  ctx: AnsContext,
): void {
  if (op.nc !== "" && !ctx.knownNc.has(excelTextKey(op.nc))) {
    out.add("nc-desconocida", sheet, row, ctx.ncCol, M.unknownNonconformity(op.nc, ctx.label), ctx.key);
  }
  const target = targetFor(op, alliance);
  if (target === null || !alliance) return;
  const measured = measuredServiceDays(op, alliance, model.extraHolidays);
  if (measured === null || measured <= target) return;
  const kind = op.type === "Importación" ? "importación" : "exportación";
  out.add(
    "ans-incumplido",
    sheet,
    row,
    ctx.serviceCol,
    M.ansMissed(op.do, row, measured, H.serviceTime, alliance.name, kind, target),
    ctx.key,
  );
  if (op.nc === "" && !ctx.dosWithNc.has(doKey(op.do))) {
    out.add(
      "nc-faltante",
      sheet,
      row,
      ctx.ncCol,
      M.ansMissedWithoutNc(op.do, row, H.nc),
      ctx.key,
    );
  }
}
