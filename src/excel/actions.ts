import { ExcelMessages } from "./messages";
import { serialFromIsoDate } from "../domain/calendar";
import { evaluateWorkbook, evaluationSheetName, partialWarning, planEvaluation } from "../domain/evaluation";
import { followUp } from "../domain/followup";
import { indicatorsSheetName, planIndicators } from "../domain/indicators";
import type { FollowUp } from "../domain/followup";
import { planSampleData } from "../sample";
import { summarizeWorkbook } from "../domain/summary";
import type { WorkbookSummary } from "../domain/summary";
import { validateWorkbook } from "../domain/validation";
import type { ValidationReport } from "../domain/validation/finding";
import { planFormulaRepair, planNonconformityEntry, planPreparation, readWorkbookModel } from "../domain/workbook";
import { headerKey } from "../domain/workbook/header-key";
import { OPERATION_HEADERS, TABLES } from "../domain/workbook/headers";
import type { Plan } from "../domain/workbook/plan";
import type { WorkbookSnapshot } from "../domain/workbook/snapshot";
import type {
  Actions,
  ChangeResult,
  EvaluationGenerated,
  EvaluationPreview,
  IndicatorsGenerated,
  NonconformityFormInput,
  NonconformityResult,
  OnProgress,
  RepairResult,
  SelectedOperation,
} from "./action-types";
import { applyPlan } from "./apply-plan";
import { runDiagnostics } from "./diagnostics";
import { runAction, spanishErrorMessage, UserFacingError } from "./excel-errors";
import { readProgressTo } from "./progress";
import { readSnapshot } from "./read-snapshot";
import { todayInColombia } from "../domain/calendar";
import { countBrokenFormulas } from "./broken-formulas";

/** Reads, plans and applies in one Excel.run; the plan sees the very snapshot its writes are checked against. */
async function readPlanApply(
  context: Excel.RequestContext,
  planFor: (snapshot: WorkbookSnapshot) => Plan,
  onProgress?: OnProgress,
): Promise<ChangeResult & { plan: Plan; snapshot: WorkbookSnapshot }> {
  const snapshot = await readSnapshot(context, { onProgress: readProgressTo(onProgress) });
  const plan = planFor(snapshot);
  const report = await applyPlan(context, plan, snapshot, { onProgress });
  return { notes: plan.notes, conflicts: report.conflicts, skipped: report.skipped, cellsWritten: report.cellsWritten, plan, snapshot };
}

const changeOnly = ({ notes, conflicts, skipped, cellsWritten }: ChangeResult): ChangeResult => ({ notes, conflicts, skipped, cellsWritten });

/** "AAAA-MM-DD" from a date input → serial; null when empty; a Spanish error when it is not a real date. */
export function dateOfPaneField(text: string, field: string): number | null {
  if (text.trim() === "") return null;
  const serial = serialFromIsoDate(text);
  if (serial === null) throw new UserFacingError(ExcelMessages.invalidInputDate(text.trim(), field));
  return serial;
}

/** The actions the pane uses, each one Excel.run. */
export function createExcelActions(now: () => number = () => todayInColombia(new Date())): Actions {
  return {
    prepararCuadro: (onProgress) =>
      runAction(ExcelMessages.doing.prepare, async (context) =>
        changeOnly(await readPlanApply(context, (snapshot) => planPreparation(snapshot, { today: now() }), onProgress)),
      ),

    cargarDatosEjemplo: (onProgress) =>
      runAction(ExcelMessages.doing.loadSample, async (context) =>
        changeOnly(await readPlanApply(context, (snapshot) => planSampleData(snapshot, { today: now(), seed: 2026 }), onProgress)),
      ),

    validar: (onProgress) =>
      runAction(ExcelMessages.doing.validate, async (context): Promise<ValidationReport> => {
        const snapshot = await readSnapshot(context, { onProgress: readProgressTo(onProgress) });
        return validateWorkbook(snapshot, { today: now() });
      }),

    seleccionarCelda: (sheet, address) =>
      runAction(ExcelMessages.doing.select(address, sheet), async (context) => {
        const worksheet = context.workbook.worksheets.getItem(sheet);
        worksheet.activate();
        worksheet.getRange(address).select();
        await context.sync();
      }),

    registrarNoConformidad: (input: NonconformityFormInput, onProgress) =>
      runAction(ExcelMessages.doing.registerNc, async (context): Promise<NonconformityResult> => {
        const today = now();
        const date = dateOfPaneField(input.date, "Fecha") ?? today;
        const dueDate = dateOfPaneField(input.dueDate, "Fecha compromiso");
        let number = "";
        const result = await readPlanApply(context, (snapshot) => {
          const entry = planNonconformityEntry(
            snapshot,
            {
              date,
              type: input.type,
              do: input.do.trim(),
              alliance: input.alliance.trim(),
              description: input.description.trim(),
              severity: input.severity,
              correction: input.correction.trim(),
              owner: input.owner.trim(),
              dueDate,
            },
            { today },
          );
          number = entry.number;
          return entry.plan;
        }, onProgress);
        return { ...changeOnly(result), number };
      }),

    leerSeleccionDO: () => runAction(ExcelMessages.doing.readSelection, readSelectedOperation),

    resumen: (onProgress) =>
      runAction(ExcelMessages.doing.summarize, async (context): Promise<WorkbookSummary> => {
        const snapshot = await readSnapshot(context, { onProgress: readProgressTo(onProgress) });
        return summarizeWorkbook(readWorkbookModel(snapshot), now());
      }),

    detectarFormulasRotas: () =>
      runAction(ExcelMessages.doing.findBroken, (context) => countBrokenFormulas(context)),

    repararFormulas: (onProgress) =>
      runAction(ExcelMessages.doing.repair, async (context): Promise<RepairResult> => {
        let repaired = 0;
        const result = await readPlanApply(context, (snapshot) => {
          const repair = planFormulaRepair(snapshot);
          repaired = repair.cells.length;
          return repair.plan;
        }, onProgress);
        return { ...changeOnly(result), repaired };
      }),

    vistaPreviaEvaluacion: (year, onProgress) =>
      runAction(ExcelMessages.doing.previewEvaluation(year), async (context): Promise<EvaluationPreview> => {
        const snapshot = await readSnapshot(context, { onProgress: readProgressTo(onProgress) });
        const sheet = evaluationSheetName(year);
        // The weights, bands and typed scores the sheet's formulas use, so the preview shows what the sheet will.
        const evaluation = evaluateWorkbook(snapshot, year, now());
        return {
          year,
          sheet,
          exists: snapshot.sheets.some((s) => s.name === sheet),
          partial: partialWarning(year, evaluation.partialThrough),
          rows: evaluation.alliances.map((a) => ({
            alliance: a.alliance,
            operations: a.operations,
            onTimePct: a.onTimePct,
            score: a.score,
            rating: a.rating,
            decision: a.decision,
          })),
        };
      }),

    generarEvaluacion: (year, onProgress) =>
      runAction(ExcelMessages.doing.generateEvaluation(year), async (context): Promise<EvaluationGenerated> => {
        const sheet = evaluationSheetName(year);
        const result = await readPlanApply(context, (snapshot) => {
          const plan = planEvaluation(snapshot, { year, today: now() });
          // The user asked for this sheet: show it even when nothing needed refreshing.
          if (!plan.steps.some((s) => s.kind === "activate")) plan.steps.push({ kind: "activate", sheet });
          return plan;
        }, onProgress);
        return { ...changeOnly(result), sheet };
      }),

    seguimiento: (onProgress) =>
      runAction(ExcelMessages.doing.followUp, async (context): Promise<FollowUp> => followUp(await readSnapshot(context, { onProgress: readProgressTo(onProgress) }), now())),

    generarIndicadores: (year, onProgress) =>
      runAction(ExcelMessages.doing.generateIndicators(year), async (context): Promise<IndicatorsGenerated> => {
        const sheet = indicatorsSheetName(year);
        const result = await readPlanApply(context, (snapshot) => {
          const plan = planIndicators(snapshot, { year, today: now() });
          // The user asked for this sheet: show it even when nothing needed refreshing.
          if (!plan.steps.some((s) => s.kind === "activate") && snapshot.sheets.some((s) => s.name === sheet)) {
            plan.steps.push({ kind: "activate", sheet });
          }
          return plan;
        }, onProgress);
        return { ...changeOnly(result), sheet };
      }),

    diagnostico: async () => {
      try {
        return await runDiagnostics();
      } catch (error) {
        throw new UserFacingError(spanishErrorMessage(error, ExcelMessages.doing.diagnose), { cause: error });
      }
    },
  };
}

/** DO and Aliado of the selected row when it is a data row of tblOperaciones (two syncs). */
async function readSelectedOperation(context: Excel.RequestContext): Promise<SelectedOperation | null> {
  const selected = context.workbook.getSelectedRange().getCell(0, 0);
  selected.load("rowIndex,worksheet/name");
  const tables = context.workbook.tables;
  tables.load("items/name,items/worksheet/name");
  await context.sync();
  const table = tables.items.find((t) => t.name === TABLES.operations);
  if (!table || table.worksheet.name !== selected.worksheet.name) return null;
  const header = table.getHeaderRowRange();
  header.load("values,rowIndex");
  const row = selected.getEntireRow().getIntersectionOrNullObject(table.getRange());
  row.load("values");
  await context.sync();
  if (row.isNullObject || header.rowIndex === selected.rowIndex) return null;
  const headers = (header.values[0] ?? []).map((h) => headerKey(String(h)));
  const values = row.values[0] ?? [];
  const cell = (name: string) => {
    const i = headers.indexOf(headerKey(name));
    return i < 0 ? "" : String(values[i] ?? "").trim();
  };
  const doNumber = cell(OPERATION_HEADERS.do);
  if (doNumber === "") return null;
  return { do: doNumber, alliance: cell(OPERATION_HEADERS.alliance) };
}
