import { followUp, followUpToJson } from "../../../src/domain/followup";
import { serviceLevelStatus } from "../../../src/functions/functions";
import { validateWorkbook } from "../../../src/domain/validation";
import { serial } from "../../helpers/snapshot-builder";
import { oracleWorkday, seededRandom } from "../calendar/excel-oracle";
import { oracleServiceDays } from "../evaluation/independent-oracle";
import { ALLIANCES, EXTRA_HOLIDAY, TODAY, followUpWorkbook } from "./followup-workbook";
import type { NcRow, OpenOperation } from "./followup-workbook";

/** 60 open DOs started between 16 Feb and today, on both alliances, both Tipos, 0–2 client days. */
function randomOperations(seed: number): OpenOperation[] {
  const random = seededRandom(seed);
  const first = serial(2026, 2, 16);
  return Array.from({ length: 60 }, (_, i) => {
    const start = first + Math.floor(random() * (TODAY - first + 1)) + Math.floor(random() * 20) / 24;
    const alliance = ALLIANCES[i % 2]!;
    const withArrival = random() < 0.5;
    return {
      do: `DO-${2000 + i}`,
      type: random() < 0.5 ? "Importación" : "Exportación",
      alliance: alliance.name,
      city: i % 2 === 0 ? "Cartagena" : "Cúcuta",
      coordinator: i % 3 === 0 ? "Laura" : "Andrés",
      arrival: withArrival ? start : null,
      documents: withArrival ? start - 1 : start,
      clientDays: Math.floor(random() * 3),
    };
  });
}

interface Expected {
  do: string;
  status: string;
  dueDate: number;
  businessDaysLeft: number;
}

/** The follow-up list computed without the domain: formulajs NETWORKDAYS.INTL / WORKDAY.INTL with date-holidays. */
function oracleAlerts(operations: OpenOperation[]): Expected[] {
  const expected: Expected[] = [];
  for (const op of operations) {
    const alliance = ALLIANCES.find((a) => a.name === op.alliance)!;
    const start = Math.max(op.arrival ?? -Infinity, op.documents ?? -Infinity);
    const target = (op.type === "Importación" ? alliance.importTarget : alliance.exportTarget) + (op.clientDays ?? 0);
    const elapsed = TODAY > start ? oracleServiceDays(start, TODAY, alliance.saturday, [EXTRA_HOLIDAY]) : 0;
    const status = elapsed > target ? "Vencido" : elapsed >= 0.8 * target ? "En riesgo" : null;
    if (status === null) continue;
    const dueDate = oracleWorkday(Math.floor(start), target, alliance.saturday, [EXTRA_HOLIDAY]).serial;
    expected.push({ do: op.do, status, dueDate, businessDaysLeft: target - elapsed });
  }
  return expected.sort((a, b) => a.businessDaysLeft - b.businessDaysLeft || a.dueDate - b.dueDate);
}

describe("followUp: open DOs", () => {
  it.each([1, 2, 3])("lists exactly the Vencido and En riesgo DOs, most urgent first, with the oracle's due date and days left (seed %i)", (seed) => {
    const operations = randomOperations(seed);
    const result = followUp(followUpWorkbook(operations), TODAY);
    const expected = oracleAlerts(operations);
    expect(expected.length).toBeGreaterThan(5);
    expect(result.operations.map((o) => ({ do: o.do, status: o.status, dueDate: o.dueDate, businessDaysLeft: o.businessDaysLeft }))).toEqual(
      expected.map((e) => expect.objectContaining(e) as unknown),
    );
    expect(result.operations.map((o) => o.do)).toEqual(expected.map((e) => e.do));
  });

  it("gives the day on which ESTADO_ANS turns Vencido: not on the due date, from the next business day on", () => {
    const operations = randomOperations(4);
    const result = followUp(followUpWorkbook(operations), TODAY);
    for (const alert of result.operations) {
      const op = operations.find((o) => o.do === alert.do)!;
      const alliance = ALLIANCES.find((a) => a.name === op.alliance)!;
      const start = Math.max(op.arrival ?? -Infinity, op.documents ?? -Infinity);
      const target = (op.type === "Importación" ? alliance.importTarget : alliance.exportTarget) + (op.clientDays ?? 0);
      const nextBusinessDay = oracleWorkday(alert.dueDate, 1, alliance.saturday, [EXTRA_HOLIDAY]).serial;
      expect(serviceLevelStatus(start, null, target, alert.dueDate, alliance.saturday, [[EXTRA_HOLIDAY]])).not.toBe("Vencido");
      expect(serviceLevelStatus(start, null, target, nextBusinessDay, alliance.saturday, [[EXTRA_HOLIDAY]])).toBe("Vencido");
    }
  });

  it("points each DO at its Estado ANS cell and skips DOs with a levante or without a start", () => {
    const late: OpenOperation = { do: "DO-1", type: "Importación", alliance: "Agencia Caribe SAS", city: "Cartagena", coordinator: "Laura", arrival: null, documents: serial(2026, 3, 2) };
    const result = followUp(
      followUpWorkbook([
        { ...late, do: "DO-0", release: serial(2026, 3, 19) },
        { ...late, do: "DO-X", documents: null },
        late,
      ]),
      TODAY,
    );
    expect(result.operations).toEqual([
      expect.objectContaining({ do: "DO-1", sheet: "Operaciones", cell: "S4", status: "Vencido", coordinator: "Laura", city: "Cartagena" }),
    ]);
  });
});

const nc = (partial: Partial<NcRow>): NcRow => ({ number: "NC-2026-001", date: serial(2026, 3, 2), severity: "Menor", status: "Abierta", rootCause: "Causa", action: "Acción", ...partial });

describe("followUp: non-conformities and the follow-up rules", () => {
  // 2026-03-10 + 5 business days (17/03 is an extra holiday) = 18/03; today 20/03 is past it.
  const cases: [string, NcRow, string | null, string | null, string | null][] = [
    ["open past its Fecha compromiso", nc({ dueDate: serial(2026, 3, 19) }), "nc-compromiso-vencido", "2026-03-19", "L2"],
    ["open, compromiso today", nc({ dueDate: TODAY }), null, null, null],
    ["Cerrada past its compromiso", nc({ dueDate: serial(2026, 3, 1), status: "Cerrada", effective: "Sí" }), null, null, null],
    ["Anulada past its compromiso", nc({ dueDate: serial(2026, 3, 1), status: "Anulada" }), null, null, null],
    ["Mayor without Causa raíz after 5 business days", nc({ date: serial(2026, 3, 10), severity: "Mayor", rootCause: "" }), "nc-sin-analisis", "2026-03-18", "I2"],
    ["Crítica without Acción correctiva after 5 business days", nc({ date: serial(2026, 3, 10), severity: "Crítica", action: "" }), "nc-sin-analisis", "2026-03-18", "J2"],
    ["Mayor without analysis, 5 business days exactly (extra holiday skipped)", nc({ date: serial(2026, 3, 13), severity: "Mayor", rootCause: "" }), null, null, null],
    ["Menor without analysis", nc({ date: serial(2026, 2, 2), severity: "Menor", rootCause: "", action: "" }), null, null, null],
    ["Mayor with its analysis", nc({ date: serial(2026, 2, 2), severity: "Mayor" }), null, null, null],
    ["Cerrada with Eficaz Pendiente", nc({ status: "Cerrada", effective: "Pendiente", dueDate: serial(2026, 3, 30) }), "nc-eficacia-pendiente", "2026-03-30", "N2"],
  ];

  it.each(cases)("%s", (_, row, reason, dueDate, cell) => {
    const snapshot = followUpWorkbook([], [row]);
    const json = followUpToJson(followUp(snapshot, TODAY));
    expect(json.nonconformities).toEqual(reason === null ? [] : [{ number: "NC-2026-001", alliance: "", reason, dueDate, cell }]);
    const findings = validateWorkbook(snapshot, { today: TODAY }).findings.filter((f) => f.rule.startsWith("nc-") && f.rule !== "nc-cierre-incompleto");
    const ruleFires = reason === "nc-compromiso-vencido" || reason === "nc-sin-analisis";
    expect(findings.map((f) => [f.rule, f.cell, f.severity])).toEqual(ruleFires ? [[reason, cell, "advertencia"]] : []);
    if (ruleFires) expect(findings[0]?.message).toMatch(/NC-2026-001.*: (ejecute|registre)/);
  });

  it("reads N from Parámetros", () => {
    const row = nc({ date: serial(2026, 3, 13), severity: "Mayor", rootCause: "" });
    expect(followUp(followUpWorkbook([], [row], 2), TODAY).nonconformities.map((n) => n.reason)).toEqual(["nc-sin-analisis"]);
    expect(followUp(followUpWorkbook([], [row], 10), TODAY).nonconformities).toEqual([]);
  });

  it("charges an NC to its DO's alliance and coordinator when it names no Aliado", () => {
    const op: OpenOperation = { do: "DO-7", type: "Exportación", alliance: "Frontera Logística", city: "Cúcuta", coordinator: "Andrés", arrival: null, documents: TODAY };
    const result = followUp(followUpWorkbook([op], [nc({ do: "DO-7", dueDate: serial(2026, 3, 2) })]), TODAY);
    expect(result.nonconformities).toEqual([expect.objectContaining({ alliance: "Frontera Logística", coordinator: "Andrés", sheet: "No Conformidades" })]);
  });

  it("fires do-vencido on a late open DO only, at its Estado ANS cell, saying what to do", () => {
    const base: OpenOperation = { do: "DO-1", type: "Importación", alliance: "Agencia Caribe SAS", city: "Cartagena", coordinator: "Laura", arrival: null, documents: serial(2026, 3, 2) };
    const atRisk = { ...base, do: "DO-2", documents: serial(2026, 3, 16) }; // 3 of 3 business days by today (17/03 closed)
    const onTrack = { ...base, do: "DO-3", documents: serial(2026, 3, 19) };
    const findings = validateWorkbook(followUpWorkbook([base, atRisk, onTrack]), { today: TODAY }).findings.filter((f) => f.rule === "do-vencido");
    expect(findings.map((f) => [f.cell, f.rowKey])).toEqual([["S2", "DO-1"]]);
    expect(findings[0]?.message).toMatch(/DO-1 .*venció el 05\/03\/2026.*registre la «Fecha levante \/ autorización»/);
  });
});
