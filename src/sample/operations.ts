import { getBusinessCalendar, serialFromYmd, ymdFromSerial } from "../domain/calendar";
import type { BusinessCalendar } from "../domain/calendar";
import type { CellValue } from "../domain/workbook/snapshot";
import { SAMPLE_ALLIANCES, nitWithCheckDigit, type SampleAlliance } from "./alliances";
import { SeededRandom } from "./random";

/** One DO as sample data: keys of OPERATION_HEADERS → cell values (dates as serials). */
export interface SampleOperation {
  do: string;
  type: string;
  client: string;
  clientNit: string;
  city: string;
  mode: string;
  alliance: string;
  coordinator: string;
  opened: CellValue;
  arrival: CellValue;
  documentsComplete: CellValue;
  declaration: CellValue;
  release: CellValue;
  delivery: CellValue;
  invoiced: CellValue;
  clientDelayDays: CellValue;
  nc: string;
  notes: string;
}

const CLIENTS: readonly (readonly [string, string])[] = [
  ["Textiles del Valle S.A.S.", "900214587"],
  ["Ingenio La Esperanza S.A.", "891300241"],
  ["Cafés Especiales del Cauca S.A.S.", "901032118"],
  ["Autopartes Pacífico Ltda.", "805011947"],
  ["Laboratorios Farmavida S.A.", "890315662"],
  ["Distribuidora Andina de Alimentos S.A.S.", "900561230"],
  ["Plásticos Industriales de Yumbo S.A.S.", "805027413"],
  ["Confecciones Calima S.A.S.", "900987154"],
  ["Agroinsumos del Sur S.A.", "891201776"],
  ["Electrodomésticos Farallones S.A.S.", "901245873"],
  ["Papeles y Cartones de Occidente S.A.", "890301882"],
  ["Frutas Tropicales de Colombia S.A.S.", "900733415"],
  ["Maquinaria Agrícola del Valle S.A.S.", "900118264"],
  ["Químicos Especializados Palmira S.A.S.", "901377920"],
  ["Calzado Jamundí S.A.S.", "900455689"],
  ["Tecnología Médica del Occidente S.A.S.", "901512347"],
  ["Cosméticos Naturales Pance S.A.S.", "900876512"],
  ["Importadora de Llantas del Sur S.A.S.", "805030118"],
];

const IMPORT_COORDINATORS = ["Laura Gómez", "Andrés Rivas", "Paola Cárdenas"] as const;
const EXPORT_COORDINATORS = ["Julián Ospina", "Natalia Mosquera"] as const;
const NOTES = [
  "Inspección física DIAN",
  "Reconocimiento de mercancía programado",
  "Cliente envió certificado de origen tarde",
  "Requiere registro de importación VUCE",
  "Cambio de modalidad solicitado por el cliente",
] as const;

/** A time of day between 08:00 and 17:00, in quarter hours, as a fraction of a day. */
function workingTime(random: SeededRandom, fromHour = 8, toHour = 16.75): number {
  const quarters = random.int(Math.round(fromHour * 4), Math.round(toHour * 4));
  return quarters / 96;
}

function nextBusinessDay(calendar: BusinessCalendar, serial: number): number {
  return calendar.isBusinessDay(serial) ? serial : calendar.workday(serial, 1);
}

function dayAfter(calendar: BusinessCalendar, serial: number, days: number): number {
  return days === 0 ? nextBusinessDay(calendar, Math.floor(serial)) : calendar.workday(Math.floor(serial), days);
}

/** "DO-2025-00042". */
function doNumber(year: number, sequence: number): string {
  return `DO-${year}-${String(sequence).padStart(5, "0")}`;
}

interface Milestones {
  arrival: number;
  documentsComplete: number;
  declaration: number;
  release: number;
  delivery: number;
  invoiced: number;
}

function milestones(random: SeededRandom, calendar: BusinessCalendar, alliance: SampleAlliance, isImport: boolean, opened: number, clientDays: number): Milestones {
  const arrival = dayAfter(calendar, opened, isImport ? random.int(0, 3) : random.int(1, 3)) + workingTime(random);
  const documentsComplete = dayAfter(calendar, opened, random.int(0, 2)) + workingTime(random);
  const start = Math.max(arrival, documentsComplete);
  const target = isImport ? alliance.importTarget : alliance.exportTarget;
  const late = random.chance(alliance.lateShare);
  let days = late ? target + random.int(1, 3) : random.weighted([[Math.max(0, target - 2), 2], [Math.max(0, target - 1), 4], [target, 3]]);
  days += clientDays;
  const startTime = start - Math.floor(start);
  if (days === 0 && startTime > 15 / 24) days = 1;
  const release =
    days === 0
      ? start + random.int(4, 8) / 96
      : dayAfter(calendar, start, days) + workingTime(random);
  const declarationDay = dayAfter(calendar, start, random.int(0, Math.max(0, days - 1)));
  let declaration = declarationDay + workingTime(random, 9, 16);
  if (declaration < start || declaration > release) declaration = start + (release - start) / 2;
  const delivery = dayAfter(calendar, release, random.int(0, 2)) + Math.max(workingTime(random), release - Math.floor(release));
  const invoiced = dayAfter(calendar, delivery, random.int(1, 5));
  return { arrival, documentsComplete, declaration, release, delivery, invoiced };
}

/** Milestones on or after today are not known yet: the operation is still open from the first of them on. */
function cutAtToday(values: Milestones, today: number): Partial<Record<keyof Milestones, number | null>> {
  const order: (keyof Milestones)[] = ["arrival", "documentsComplete", "declaration", "release", "delivery", "invoiced"];
  const result: Partial<Record<keyof Milestones, number | null>> = {};
  let open = false;
  for (const key of order) {
    // Arrival and documents happen independently; the later steps wait for both.
    if (key !== "arrival" && key !== "documentsComplete" && open) {
      result[key] = null;
      continue;
    }
    const value = values[key];
    if (value >= today) {
      result[key] = null;
      open = true;
    } else {
      result[key] = round(value);
    }
  }
  return result;
}

/** Quarter-hour serials stored with a few decimals, as Excel would after typing "10:15". */
function round(serial: number): number {
  return Math.round(serial * 96) / 96;
}

export interface OperationGeneratorOptions {
  /** Serial of today; DOs open from 1 January of last year up to yesterday. */
  today: number;
  /** The workbook's extra non-working days (tblFestivosExtra): no milestone falls on them. */
  extraHolidays?: readonly number[];
}

/**
 * `count` realistic DOs (imports and exports, all alliance cities and modes, milestone date-times on
 * business days, some late, the most recent still open), sorted by opening date and numbered per year.
 * The same seed gives the same rows.
 */
export function generateOperationRows(count: number, seed: number, options: OperationGeneratorOptions): SampleOperation[] {
  const random = new SeededRandom(seed);
  const { year } = ymdFromSerial(options.today);
  const first = serialFromYmd(year - 1, 1, 1);
  const last = options.today - 1;
  const weights = SAMPLE_ALLIANCES.map((alliance) => [alliance, alliance.volume] as const);
  const drafts: { opened: number; row: Omit<SampleOperation, "do"> }[] = [];
  for (let i = 0; i < count; i++) {
    const alliance = random.weighted(weights);
    const calendar = getBusinessCalendar(alliance.saturdayIsBusiness, options.extraHolidays ?? []);
    const openingCalendar = getBusinessCalendar(false, options.extraHolidays ?? []);
    const opened = Math.min(nextBusinessDay(openingCalendar, random.int(first, last)), last);
    const isImport = random.chance(0.65);
    const [client, clientNit] = random.pick(CLIENTS);
    const clientDays = random.chance(0.08) ? random.int(1, 2) : 0;
    const dates = cutAtToday(milestones(random, calendar, alliance, isImport, opened, clientDays), options.today);
    const note = clientDays > 0 ? NOTES[2] : random.chance(0.06) ? random.pick(NOTES) : "";
    drafts.push({
      opened,
      row: {
        type: isImport ? "Importación" : "Exportación",
        client,
        clientNit: random.chance(0.85) ? nitWithCheckDigit(clientNit) : "",
        city: alliance.city,
        mode: random.weighted(alliance.modes),
        alliance: alliance.name,
        coordinator: random.pick(isImport ? IMPORT_COORDINATORS : EXPORT_COORDINATORS),
        opened,
        arrival: dates.arrival ?? null,
        documentsComplete: dates.documentsComplete ?? null,
        declaration: dates.declaration ?? null,
        release: dates.release ?? null,
        delivery: dates.delivery ?? null,
        invoiced: dates.invoiced === null || dates.invoiced === undefined ? null : Math.floor(dates.invoiced),
        clientDelayDays: clientDays > 0 ? clientDays : null,
        nc: "",
        notes: note,
      },
    });
  }
  drafts.sort((a, b) => a.opened - b.opened);
  const sequences = new Map<number, number>();
  return drafts.map(({ opened, row }) => {
    const openedYear = ymdFromSerial(opened).year;
    const sequence = (sequences.get(openedYear) ?? 0) + 1;
    sequences.set(openedYear, sequence);
    return { do: doNumber(openedYear, sequence), ...row };
  });
}
