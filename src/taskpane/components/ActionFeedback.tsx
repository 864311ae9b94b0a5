import { MessageBar, MessageBarBody, MessageBarTitle, Spinner } from "@fluentui/react-components";

export interface ActionFeedbackProps {
  slow: boolean;
  error: string | null;
  /** What is running, for the spinner and screen readers ("Preparando el cuadro…"). */
  progressLabel: string;
}

/** The spinner of a slow action and the Spanish error of a failed one. */
export function ActionFeedback({ slow, error, progressLabel }: ActionFeedbackProps) {
  return (
    <>
      {slow && <Spinner size="tiny" label={progressLabel} labelPosition="after" />}
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
