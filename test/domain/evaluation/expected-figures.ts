import { ALLIANCES, EXTRA_HOLIDAYS, NONCONFORMITIES, OPERATIONS } from "./fixture-model";
import { oracleServiceDays, serial } from "./independent-oracle";

/** As MATCH compares names: letter case only, spaces and accents count. */
const sameName = (a: string, b: string) => a.toLowerCase() === b.toLowerCase();
const toSerial = (d: number[] | null) => (d === null ? null : serial(d[0] ?? 0, d[1] ?? 1, d[2] ?? 1, d[3] ?? 0));

/** The measured columns of SPEC §3, recomputed here from the fixture specs and the independent oracle. */
export function expectedFigures(name: string, year: number) {
  const record = ALLIANCES.find((a) => a.name === name);
  if (!record) throw new Error(name);
  const ops = OPERATIONS.filter((o) => sameName(o.alliance, name) && o.opened[0] === year);
  const days: { days: number; target: number | null }[] = [];
  for (const o of ops) {
    const starts = [toSerial(o.arrival), toSerial(o.documents)].filter((v): v is number => v !== null);
    const release = toSerial(o.release);
    if (starts.length === 0 || release === null || release < Math.max(...starts)) continue;
    const target = o.type === "Importación" ? record.importTarget : record.exportTarget;
    days.push({ days: oracleServiceDays(Math.max(...starts), release, record.saturdayIsBusiness, EXTRA_HOLIDAYS, o.delay ?? 0), target });
  }
  const allianceOfDo = (doNumber: string) => OPERATIONS.find((o) => o.do === doNumber)?.alliance ?? "";
  const ncs = NONCONFORMITIES.filter(
    (nc) => nc.date[0] === year && nc.status !== "Anulada" && sameName(nc.alliance ?? allianceOfDo(nc.do ?? ""), name),
  );
  const onTime = days.filter((d) => d.target !== null && d.days <= d.target).length;
  return {
    operations: ops.length,
    measured: days.length,
    onTime,
    onTimePct: days.length ? (100 * onTime) / days.length : null,
    avgServiceDays: days.length ? days.reduce((sum, d) => sum + d.days, 0) / days.length : null,
    nonconformities: ncs.length,
    ncPer100: ops.length ? (100 * ncs.length) / ops.length : null,
    complaints: ncs.filter((nc) => nc.type === "Reclamo cliente" || nc.type === "Queja").length,
    closedEffectivePct: ncs.length
      ? (100 * ncs.filter((nc) => nc.status === "Cerrada" && nc.effective === "Sí").length) / ncs.length
      : null,
  };
}
