import { ExcelMessages } from "./messages";
import { lastCompleteYear } from "../domain/evaluation/last-complete-year";
import type { Actions } from "./action-types";
import { todayInColombia } from "../domain/calendar";

/** The ribbon's ExecuteFunction action id (manifest.xml <FunctionName>). */
export const EVALUATION_ACTION_ID = "generarEvaluacionAnual";

export interface RibbonNotice {
  kind: "progress" | "success" | "error";
  message: string;
}

/** What the ribbon command needs from the pane's bundle: the Excel actions and the channel to the pane. */
export interface RibbonRuntime {
  actions: Pick<Actions, "generarEvaluacion">;
  notify: (notice: RibbonNotice) => void;
}

/**
 * "Evaluación anual" on the ribbon: generates the last complete year's evaluation and activates its sheet.
 * The shared runtime keeps the pane's page alive, so notices reach the pane; an error also opens the pane
 * (Office.addin.showAsTaskpane, SharedRuntime 1.1) so the user sees it. event.completed() is always called.
 */
export function createEvaluationCommand(actions: Pick<Actions, "generarEvaluacion">, notify: (notice: RibbonNotice) => void, today: () => number = () => todayInColombia(new Date())) {
  return async (event: Office.AddinCommands.Event): Promise<void> => {
    const year = lastCompleteYear(today());
    try {
      notify({ kind: "progress", message: ExcelMessages.generatingEvaluation(year) });
      const result = await actions.generarEvaluacion(year);
      notify({ kind: "success", message: ExcelMessages.sheetGenerated(result.sheet) });
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

interface RibbonHolder {
  runtime: RibbonRuntime | null;
  waiting: Array<(runtime: RibbonRuntime) => void>;
}

// functions.js and taskpane.js are two webpack bundles on the shared runtime's one page, each with its own
// copy of this module: the holder lives on the page's global object so that both reach the same one.
const HOLDER_KEY = Symbol.for("control-alianzas.ribbon-runtime");

function holder(): RibbonHolder {
  const scope = globalThis as unknown as Record<symbol, RibbonHolder | undefined>;
  let found = scope[HOLDER_KEY];
  if (!found) {
    found = { runtime: null, waiting: [] };
    scope[HOLDER_KEY] = found;
  }
  return found;
}

/** Called by the pane's bundle once it has loaded: from then on the ribbon command can run. */
export function provideRibbonRuntime(runtime: RibbonRuntime): void {
  const shared = holder();
  shared.runtime = runtime;
  for (const resolve of shared.waiting.splice(0)) resolve(runtime);
}

/** The pane bundle's runtime, waiting for it up to `timeoutMs` (a click can come before it has loaded). */
export function awaitRibbonRuntime(timeoutMs: number): Promise<RibbonRuntime | null> {
  const shared = holder();
  if (shared.runtime) return Promise.resolve(shared.runtime);
  return new Promise((resolve) => {
    const timer = setTimeout(() => {
      shared.waiting = shared.waiting.filter((w) => w !== settle);
      resolve(null);
    }, timeoutMs);
    const settle = (runtime: RibbonRuntime) => {
      clearTimeout(timer);
      resolve(runtime);
    };
    shared.waiting.push(settle);
  });
}

/** How long a click waits for the pane's bundle (it loads right after functions.js, in the same page). */
const RUNTIME_WAIT_MS = 60_000;

/** The handler Office calls for the ribbon button: it finds the actions through the holder. */
export function createRibbonHandler(wait: () => Promise<RibbonRuntime | null> = () => awaitRibbonRuntime(RUNTIME_WAIT_MS), today: () => number = () => todayInColombia(new Date())) {
  return async (event: Office.AddinCommands.Event): Promise<void> => {
    const runtime = await wait();
    // Without the pane's bundle nothing can run; the event must still complete or the button stays blocked.
    if (!runtime) {
      event.completed();
      return;
    }
    await createEvaluationCommand(runtime.actions, runtime.notify, today)(event);
  };
}

/**
 * Registers the ribbon command with Office. Called at the top level of functions.js, the first and small
 * script of the shared runtime's page, as the docs' pattern does ("You must have an Office.actions.associate
 * call for every function command", learn.microsoft.com/office/dev/add-ins/develop/create-addin-commands
 * #sample-code-for-function-commands), not after the pane's bundle and Office.onReady: a first click that
 * arrives before the association does nothing (github.com/OfficeDev/office-js/issues/5176). Returns false
 * where Office is absent (Node, or a page loaded outside Office).
 */
export function registerRibbonCommands(): boolean {
  if (typeof Office === "undefined" || typeof Office.actions?.associate !== "function") return false;
  Office.actions.associate(EVALUATION_ACTION_ID, createRibbonHandler());
  return true;
}
