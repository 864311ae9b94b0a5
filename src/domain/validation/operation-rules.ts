import { isValidNit, nitCheckDigit } from "../identity/nit";
import { findAlliance, suggestAlliance } from "../workbook/alliance-lookup";
import { excelTextKey, looseTextKey, readText } from "../workbook/cell-reading";
import { ALLIANCE_CITIES, OPERATION_HEADERS as H, OWN_OFFICE_CITIES, SHEETS, TABLES } from "../workbook/headers";
import type { AllianceRecord, OperationRecord, WorkbookModel } from "../workbook/model";
import { doKey } from "../workbook/operation-lookup";
import { forEachDataRow } from "../workbook/read-model";
import { measuredServiceDays, targetFor } from "../workbook/service-level";
import { columnOf } from "../workbook/table-location";
import type { LocatedTable } from "../workbook/table-location";
import { checkCell, checkedColumns } from "./column-checks";
import type { FindingCollector } from "./finding-collector";
import { showDate } from "./value-text";

const ALLIANCE_CITY_BY_KEY = new Map(ALLIANCE_CITIES.map(({ city }) => [excelTextKey(city), city]));
const LOOSE_KEY_OF_CITY = new Map<string, string>(ALLIANCE_CITIES.map(({ city }) => [city, looseTextKey(city)]));
const ALLIANCE_CITY_BY_LOOSE = new Map(ALLIANCE_CITIES.map(({ city }) => [looseTextKey(city), city]));
const OWN_OFFICE_BY_LOOSE = new Map(OWN_OFFICE_CITIES.map((city) => [looseTextKey(city), city]));
const CITY_LIST = ALLIANCE_CITIES.map(({ city }) => city).join(", ");

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
  if (checkDigit === null) return `«${header}» ${label} tiene «${value}», que no es un NIT: escriba el número y su dígito de verificación (900123456-8).`;
  if (!value.includes("-")) return `«${header}» ${label} no tiene dígito de verificación: escriba ${base}-${checkDigit}.`;
  return `El dígito de verificación de «${header}» ${label} no corresponde: para ${base} es ${checkDigit}. Escriba ${base}-${checkDigit}.`;
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
  let index = 0;

  forEachDataRow(located, (r) => {
    const op = model.operations[index++];
    if (!op || op.row !== r.row) return;
    const row = r.row;
    const key = op.do === "" ? undefined : op.do;
    const label = op.do ? `del DO ${op.do}` : `de la fila ${row + 1}`;
    for (const column of columns) checkCell(out, sheet, row, column, r.get(column.spec.key), label, key);

    if (op.do !== "") {
      const first = firstRowOfDo.get(doKey(op.do));
      if (first === undefined) firstRowOfDo.set(doKey(op.do), row);
      else out.add("do-duplicado", sheet, row, doCol, `El DO ${op.do} ya está en la fila ${first + 1}: cada DO va una sola vez. Corrija el número o borre la fila repetida.`, key);
    }

    if (op.opened !== null && Math.floor(op.opened) > todayDate && openedCol !== undefined) {
      out.add("fecha-futura", sheet, row, openedCol, `«${H.opened}» ${label} es ${showDate(op.opened)}, posterior a hoy (${showDate(todayDate)}): corrija la fecha.`, key);
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
          `«${HEADER_OF[later]}» ${label} (${showDate(a)}) es anterior a «${HEADER_OF[earlier]}» (${showDate(b)}): corrija una de las dos fechas.`,
          key,
        );
      }
    }

    if (delayCol !== undefined && op.clientDelayDays < 0) {
      out.add("valor-no-permitido", sheet, row, delayCol, `«${H.clientDelayDays}» ${label} es ${op.clientDelayDays}: no puede ser negativo. Escriba 0 o más días.`, key);
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
          out.add("fuera-de-alcance", sheet, row, cityCol, `El DO ${op.do || `de la fila ${row + 1}`} es de ${own}, oficina propia: no se controla en este cuadro de alianzas. Páselo al control de operaciones propias o corrija la ciudad.`, key);
        } else {
          out.add(
            "ciudad-desconocida",
            sheet,
            row,
            cityCol,
            meant
              ? `«${H.city}» ${label} es «${cityText}»: ¿quiso decir «${meant}»? Elíjala de la lista.`
              : `«${H.city}» ${label} es «${cityText}», que no es una ciudad de las alianzas (${CITY_LIST}): corríjala.`,
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
          `«${alliance.name}» ${label} no cubre ${city} (cubre: ${alliance.cities.join(", ")}): asigne un aliado de ${city} o corrija «Ciudades» en la hoja ${allianceSheet}.`,
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
          `El contrato de «${alliance.name}» (${showDate(start)} a ${showDate(end)}) no estaba vigente el ${showDate(op.opened)}, fecha de apertura ${label}: ` +
            `registre la renovación en la hoja ${allianceSheet} o asigne otro aliado.`,
          key,
        );
      }
    }
    checkAns(out, sheet, row, op, alliance, model, { serviceCol, ncCol: ncCol ?? doCol, label, key, knownNc, dosWithNc });
  });
  return firstRowOfDo;
}

function unknownAllianceMessage(name: string, label: string, alliances: readonly AllianceRecord[], allianceSheet: string): string {
  const meant = suggestAlliance(alliances, name);
  return meant
    ? `«${H.alliance}» ${label} es «${name}»: ¿quiso decir «${meant.name}»? Elíjalo de la lista.`
    : `«${name}» ${label} no está en ${TABLES.alliances}: regístrelo en la hoja ${allianceSheet} o elija un aliado de la lista.`;
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
    out.add("nc-desconocida", sheet, row, ctx.ncCol, `La no conformidad «${op.nc}» ${ctx.label} no está en ${TABLES.nonconformities}: corrija el número o regístrela.`, ctx.key);
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
    `${op.do ? `El DO ${op.do}` : `La operación de la fila ${row + 1}`} tomó ${measured} días hábiles («${H.serviceTime}») y la meta de «${alliance.name}» para ${kind} es ${target}: ` +
      `documente la causa (o escriba los días imputables al cliente).`,
    ctx.key,
  );
  if (op.nc === "" && !ctx.dosWithNc.has(doKey(op.do))) {
    out.add(
      "nc-faltante",
      sheet,
      row,
      ctx.ncCol,
      `${op.do ? `El DO ${op.do}` : `La operación de la fila ${row + 1}`} incumplió el ANS y no tiene no conformidad: regístrela (tipo «Incumplimiento ANS»), como pide ISO 9001 §10.2, y escriba su Nº en «${H.nc}».`,
      ctx.key,
    );
  }
}
