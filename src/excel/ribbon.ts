import { lastCompleteYear } from "../domain/evaluation/last-complete-year";
import type { Actions } from "./action-types";
import { todaySerial } from "./today";

/** The ribbon's ExecuteFunction action id (manifest.xml <FunctionName>). */
export const EVALUATION_ACTION_ID = "generarEvaluacionAnual";

export interface RibbonNotice {
  kind: "progress" | "success" | "error";
  message: string;
}

/**
 * "Evaluación anual" on the ribbon: generates the last complete year's evaluation and activates its sheet.
 * The shared runtime keeps the pane's page alive, so notices reach the pane; an error also opens the pane
 * (Office.addin.showAsTaskpane, SharedRuntime 1.1) so the user sees it. event.completed() is always called.
 */
export function createEvaluationCommand(actions: Pick<Actions, "generarEvaluacion">, notify: (notice: RibbonNotice) => void, today: () => number = todaySerial) {
  return async (event: Office.AddinCommands.Event): Promise<void> => {
    const year = lastCompleteYear(today());
    try {
      notify({ kind: "progress", message: `Generando la evaluación ${year}…` });
      const result = await actions.generarEvaluacion(year);
      notify({ kind: "success", message: `Se generó la hoja «${result.sheet}».` });
    } catch (error) {
      notify({ kind: "error", message: error instanceof Error ? error.message : String(error) });
      try {
        await Office.addin.showAsTaskpane();
      } catch {
        // Without SharedRuntime 1.1 the pane cannot be opened from code; the notice waits until the user opens it.
      }
    } finally {
      event.completed();
    }
  };
}

/** Registers the ribbon command with Office (call once Office is ready, in the shared runtime). */
export function registerRibbonCommands(actions: Pick<Actions, "generarEvaluacion">, notify: (notice: RibbonNotice) => void): void {
  Office.actions.associate(EVALUATION_ACTION_ID, createEvaluationCommand(actions, notify));
}
