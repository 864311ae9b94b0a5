import { Field, MessageBar, MessageBarBody, MessageBarTitle, ProgressBar, Spinner } from "@fluentui/react-components";
import type { ProgressReport } from "../../excel/action-types";
import { progressMessage } from "../../excel/progress";

export interface ActionFeedbackProps {
  slow: boolean;
  error: string | null;
  /** What is running, for the spinner and screen readers ("Preparando el cuadro…"). */
  progressLabel: string;
  /** The latest progress the action reported: a determinate bar replaces the spinner. */
  progress?: ProgressReport | null;
}

/** The spinner (or, with progress reports, the progress bar) of a slow action and the Spanish error of a failed one. */
export function ActionFeedback({ slow, error, progressLabel, progress = null }: ActionFeedbackProps) {
  const determinate = slow && progress !== null && progress.total > 0;
  return (
    <>
      {slow && !determinate && <Spinner size="tiny" label={progressLabel} labelPosition="after" />}
      {determinate && (
        <Field validationMessage={progressMessage(progress)} validationState="none">
          <ProgressBar
            value={Math.min(progress.done, progress.total)}
            max={progress.total}
            aria-label={progressLabel}
            aria-valuetext={progressMessage(progress)}
          />
        </Field>
      )}
      {error && (
        <MessageBar intent="error" layout="multiline">
          <MessageBarBody>
            <MessageBarTitle>No se pudo completar</MessageBarTitle>
            {error}
          </MessageBarBody>
        </MessageBar>
      )}
    </>
  );
}
