/**
 * Diagnóstico: a self-check the user runs in their own Excel. On a temporary sheet with a unique name it exercises
 * every Excel feature the add-in relies on, reads each one back, and deletes the temporary sheet(s) and name again,
 * also when a step failed (in a separate batch). The report says per feature OK / falla (with Excel's error) or
 * omitida (API set missing), with the platform, the version and the requirement sets, as text for a support request.
 */
import { ExcelMessages } from "./messages";
import { OPTIONAL_FEATURES, isFeatureSupported } from "./requirements";
import type { OptionalFeature } from "./requirements";

const T = ExcelMessages.diagnostics;

export type DiagnosticStatus = "ok" | "falla" | "omitida";

export interface DiagnosticCheck {
  /** What was checked, in Spanish ("Crear una tabla"). */
  feature: string;
  status: DiagnosticStatus;
  /** Why it failed or was skipped (Excel's error, what was read back); empty when OK. */
  detail: string;
}

export interface RequirementSetSupport {
  name: string;
  version: string;
  supported: boolean;
  /** What the add-in uses the set for. */
  uses: string[];
}

export interface DiagnosticReport {
  /** Office.context.diagnostics: e.g. "OfficeOnline", "PC", "Mac" ("desconocida" outside Office). */
  platform: string;
  version: string;
  requirementSets: RequirementSetSupport[];
  checks: DiagnosticCheck[];
}

export interface DiagnosticOptions {
  /** Waits between reads of the ADUANA results, which Excel calculates asynchronously (#BUSY! meanwhile). */
  sleep?: (ms: number) => Promise<void>;
  /** How many times the ADUANA results are read before giving up (default 10, 500 ms apart). */
  calculationAttempts?: number;
  /** Suffix of the temporary names (default: random), for tests. */
  suffix?: string;
}

/**
 * ADUANA calls and the results Excel must show for them, computed by hand from Colombia's 2026 calendar: Fri 2 Jan to
 * Fri 9 Jan has six business days counting both (2, 5, 6, 7, 8, 9), five after the start; Reyes Magos (6 Jan, a
 * Tuesday) is moved to Monday 12 Jan by Law 51 of 1983. `formulas` takes English function names in every locale.
 */
export const ADUANA_CHECKS: readonly { formula: string; expected: number | boolean | string }[] = [
  { formula: "=ADUANA.DIAS_HABILES(DATE(2026,1,2),DATE(2026,1,9))", expected: 6 },
  { formula: "=ADUANA.TIEMPO_SERVICIO(DATE(2026,1,2),DATE(2026,1,9))", expected: 5 },
  { formula: "=ADUANA.ES_FESTIVO(DATE(2026,1,12))", expected: true },
  { formula: "=ADUANA.ESTADO_ANS(DATE(2026,1,2),DATE(2026,1,9),5)", expected: "Cumple" },
];

/** Values Excel shows while a custom function is still being calculated. */
const PENDING = new Set(["#BUSY!", "#GETTING_DATA"]);

const TEMP_PREFIX = "Diagnóstico CA";

/** The requirement sets the add-in gates (src/excel/requirements.ts), each with what depends on it. */
export function requirementSets(): RequirementSetSupport[] {
  const byVersion = new Map<string, string[]>();
  for (const { version, what } of Object.values(OPTIONAL_FEATURES)) byVersion.set(version, [...(byVersion.get(version) ?? []), what]);
  const requirements = typeof Office === "undefined" ? undefined : Office.context?.requirements;
  return [...byVersion.entries()]
    .sort(([a], [b]) => Number(a.split(".")[1]) - Number(b.split(".")[1]))
    .map(([version, uses]) => ({ name: "ExcelApi", version, uses, supported: requirements ? requirements.isSetSupported("ExcelApi", version) : false }));
}

function platformInfo(): { platform: string; version: string } {
  const diagnostics = typeof Office === "undefined" ? undefined : Office.context?.diagnostics;
  return { platform: diagnostics?.platform ? String(diagnostics.platform) : "desconocida", version: diagnostics?.version || "desconocida" };
}

const errorText = (error: unknown): string => {
  const code = typeof error === "object" && error !== null && "code" in error ? String((error as { code: unknown }).code) : "";
  const message = error instanceof Error ? error.message : String(error);
  return code && !message.startsWith(code) ? `${code}: ${message}` : message;
};

/** A feature check failed: what was read back differs from what was written. */
class ReadBackMismatch extends Error {}

function expectEqual(what: string, actual: unknown, expected: unknown): void {
  if (JSON.stringify(actual) !== JSON.stringify(expected)) {
    throw new ReadBackMismatch(T.mismatch(what, JSON.stringify(expected), JSON.stringify(actual)));
  }
}

/** Runs the self-check in one Excel.run. Never throws for a failing feature: each one is reported. */
export async function runDiagnostics(options: DiagnosticOptions = {}): Promise<DiagnosticReport> {
  const sleep = options.sleep ?? ((ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms)));
  const attempts = options.calculationAttempts ?? 10;
  const suffix = options.suffix ?? Math.random().toString(36).slice(2, 8);
  const sheetName = `${TEMP_PREFIX} ${suffix}`;
  const tableName = `tblDiagnostico_${suffix}`;
  const nameName = `DiagnosticoCA_${suffix}`;
  const checks: DiagnosticCheck[] = [];
  /** What this run made, so the clean-up never touches a sheet or name the user had. */
  const made = { sheet: false, name: false };

  await Excel.run(async (context) => {
    /** One feature per sync, so a failure is that feature's alone; the next feature starts a fresh batch. */
    const check = async (feature: string, gate: OptionalFeature | null, body: () => Promise<void>): Promise<void> => {
      if (gate && !isFeatureSupported(gate)) {
        const { version, what } = OPTIONAL_FEATURES[gate];
        checks.push({ feature, status: "omitida", detail: ExcelMessages.featureOmittedInDiagnostics(what, version) });
        return;
      }
      try {
        await body();
        checks.push({ feature, status: "ok", detail: "" });
      } catch (error) {
        checks.push({ feature, status: "falla", detail: errorText(error) });
      }
    };
    const sheet = () => context.workbook.worksheets.getItem(sheetName);
    const table = () => context.workbook.tables.getItem(tableName);

    try {
      await check(T.checks.sheet, null, async () => {
        const ws = context.workbook.worksheets.add(sheetName);
        await context.sync();
        made.sheet = true;
        ws.getRangeByIndexes(0, 0, 3, 3).values = [
          ["DO", "Fecha", "Días"],
          ["DO-1", 46_024, 3],
          ["DO-2", 46_031, 7],
        ];
        const range = ws.getRangeByIndexes(0, 0, 3, 3);
        range.load("values");
        await context.sync();
        expectEqual(T.readBack.values, range.values[2], ["DO-2", 46_031, 7]);
      });
      // Without the temporary sheet every other check would fail for that same reason.
      if (!made.sheet) return;

      await check(T.checks.table, null, async () => {
        const created = sheet().tables.add(sheet().getRangeByIndexes(0, 0, 3, 3), true);
        created.load("name");
        await context.sync();
        if (!created.name) throw new ReadBackMismatch(T.tableWithoutName);
        created.name = tableName;
        await context.sync();
      });

      await check(T.checks.renameTable, null, async () => {
        const renamed = context.workbook.tables.getItemOrNullObject(tableName);
        renamed.load("name");
        await context.sync();
        if (renamed.isNullObject) throw new ReadBackMismatch(T.renamedTableMissing(tableName));
        expectEqual(T.readBack.tableName, renamed.name, tableName);
      });

      await check(T.checks.growTable, null, async () => {
        sheet().getRangeByIndexes(3, 0, 1, 3).values = [["DO-3", 46_038, 2]];
        const range = table().getRange();
        range.load("rowCount");
        await context.sync();
        expectEqual(T.readBack.tableRows, range.rowCount, 4);
      });

      await check(T.checks.resizeTable, "resizeTable", async () => {
        table().resize(sheet().getRangeByIndexes(0, 0, 5, 3));
        const range = table().getRange();
        range.load("rowCount");
        await context.sync();
        expectEqual(T.readBack.tableRows, range.rowCount, 5);
      });

      await check(T.checks.validation, "dataValidation", async () => {
        const target = sheet().getRange("D2:D4");
        target.dataValidation.rule = { list: { inCellDropDown: true, source: "Sí,No" } };
        const validation = sheet().getRange("D2").dataValidation;
        validation.load("type");
        await context.sync();
        expectEqual(T.readBack.validationType, validation.type, "List");
      });

      await check(T.checks.numberFormat, null, async () => {
        sheet().getRange("B2:B3").numberFormat = [["dd/mm/yyyy"], ["dd/mm/yyyy"]];
        const range = sheet().getRange("B2:B3");
        range.load("numberFormat");
        await context.sync();
        expectEqual(T.readBack.numberFormat, range.numberFormat, [["dd/mm/yyyy"], ["dd/mm/yyyy"]]);
      });

      await check(T.checks.conditionalFormat, "conditionalFormat", async () => {
        const format = sheet().getRange("C2:C4").conditionalFormats.add(Excel.ConditionalFormatType.custom);
        format.custom.rule.formula = "=$C2>5";
        format.custom.format.fill.color = "#FDE7E9";
        const formats = sheet().getRange("C2:C4").conditionalFormats;
        formats.load("items/type");
        await context.sync();
        expectEqual(T.readBack.conditionalFormats, formats.items.map((f) => f.type), ["Custom"]);
      });

      await check(T.checks.copySheet, "copySheet", async () => {
        const copy = sheet().copy(Excel.WorksheetPositionType.end);
        copy.load("name");
        const tables = copy.tables;
        tables.load("items/name");
        await context.sync();
        if (!copy.name.startsWith(TEMP_PREFIX)) throw new ReadBackMismatch(T.copyName(copy.name));
        expectEqual(T.readBack.copyTables, tables.items.length, 1);
      });

      await check(T.checks.namedFormula, "namedFormula", async () => {
        const quoted = `'${sheetName.replace(/'/g, "''")}'`;
        context.workbook.names.add(nameName, `=${quoted}!$B$2`);
        await context.sync();
        made.name = true;
        context.workbook.names.getItem(nameName).formula = `=${quoted}!$B$3`;
        const named = context.workbook.names.getItem(nameName);
        named.load("formula");
        await context.sync();
        if (!/\$B\$3$/.test(named.formula)) throw new ReadBackMismatch(T.nameFormula(nameName, named.formula));
      });

      await check(T.checks.freezePanes, "freezePanes", async () => {
        sheet().freezePanes.freezeRows(1);
        const frozen = sheet().freezePanes.getLocationOrNullObject();
        frozen.load("rowCount");
        await context.sync();
        if (frozen.isNullObject) throw new ReadBackMismatch(T.noFrozenRow);
        expectEqual(T.readBack.frozenRows, frozen.rowCount, 1);
      });

      await check(T.checks.chart, null, async () => {
        sheet().charts.add(Excel.ChartType.columnClustered, sheet().getRange("A1:A4"), Excel.ChartSeriesBy.columns);
        const charts = sheet().charts;
        charts.load("items/name");
        await context.sync();
        expectEqual(T.readBack.charts, charts.items.length, 1);
      });

      await check(T.checks.aduana, null, async () => {
        const cells = sheet().getRangeByIndexes(10, 0, ADUANA_CHECKS.length, 1);
        cells.formulas = ADUANA_CHECKS.map((c) => [c.formula]);
        await context.sync();
        let values: unknown[] = [];
        for (let attempt = 0; attempt < attempts; attempt += 1) {
          const read = sheet().getRangeByIndexes(10, 0, ADUANA_CHECKS.length, 1);
          read.load("values");
          // Polling on purpose: custom functions calculate asynchronously, so each read waits for Excel to finish.
          // eslint-disable-next-line office-addins/no-context-sync-in-loop
          await context.sync();
          values = read.values.map((r) => r[0]);
          if (!values.some((v) => PENDING.has(String(v)))) break;
          await sleep(500);
        }
        const wrong = ADUANA_CHECKS.flatMap((c, i) =>
          values[i] === c.expected ? [] : [T.wrongResult(c.formula.slice(1), JSON.stringify(values[i]), JSON.stringify(c.expected))],
        );
        if (wrong.length > 0) throw new ReadBackMismatch(wrong.join("; "));
      });
    } finally {
      // A second batch, also after a failure: every sheet this run made (the copy is "<name> (2)") and the name.
      try {
        await removeTemporaries(context, made.sheet ? sheetName : null, made.name ? nameName : null);
      } catch (error) {
        checks.push({ feature: T.checks.cleanUp, status: "falla", detail: ExcelMessages.tempSheetNotDeleted(errorText(error), sheetName) });
      }
    }
  });

  return { ...platformInfo(), requirementSets: requirementSets(), checks };
}

/** Deletes the temporary sheet, its copies ("<name> (2)") and the temporary name, each only when this run made it. */
async function removeTemporaries(context: Excel.RequestContext, sheetName: string | null, nameName: string | null): Promise<void> {
  if (sheetName === null && nameName === null) return;
  const sheets = context.workbook.worksheets;
  sheets.load("items/name");
  await context.sync();
  if (nameName !== null) context.workbook.names.getItem(nameName).delete();
  if (sheetName !== null) for (const ws of sheets.items) if (ws.name === sheetName || ws.name.startsWith(`${sheetName} (`)) ws.delete();
  await context.sync();
}

/** Office.PlatformType values as a user names them. */
const PLATFORM_NAMES: Record<string, string> = {
  OfficeOnline: "Excel en la Web",
  PC: "Excel para Windows",
  Mac: "Excel para Mac",
  iOS: "Excel para iPad o iPhone",
  Android: "Excel para Android",
  Universal: "Excel para Windows (Universal)",
};

/** "Excel en la Web (OfficeOnline)"; the raw value alone when unknown. */
export function platformName(platform: string): string {
  const name = PLATFORM_NAMES[platform];
  return name ? `${name} (${platform})` : platform;
}

const STATUS_TEXT: Record<DiagnosticStatus, string> = { ok: "OK", falla: "falla", omitida: "omitida" };

/** The report as plain text, for «Copiar informe». */
export function diagnosticReportText(report: DiagnosticReport, when: string): string {
  const lines = [
    T.reportTitle,
    T.reportDate(when),
    T.reportPlatform(platformName(report.platform)),
    T.reportVersion(report.version),
    "",
    T.reportRequirementSets,
    ...report.requirementSets.map((s) => `- ${s.name} ${s.version}: ${s.supported ? "sí" : "no"} (${s.uses.join("; ")})`),
    "",
    T.reportFeatures,
    ...report.checks.map((c) => `- ${c.feature}: ${STATUS_TEXT[c.status]}${c.detail ? ` — ${c.detail}` : ""}`),
  ];
  const failed = report.checks.filter((c) => c.status === "falla").length;
  lines.push("", failed === 0 ? T.reportAllWork : T.reportFailures(failed));
  return lines.join("\n");
}
