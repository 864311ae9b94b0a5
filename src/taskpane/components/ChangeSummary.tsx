import { PaneMessages } from "../messages";
import { MessageBar, MessageBarBody, MessageBarTitle, Text } from "@fluentui/react-components";
import type { ChangeResult } from "../../excel/action-types";

export interface ChangeSummaryProps {
  result: ChangeResult;
  /** Said when the plan changed nothing. */
  unchangedText: string;
}

/** What an action changed in the workbook, and what it left alone (co-author edits, missing Excel features). */
export function ChangeSummary({ result, unchangedText }: ChangeSummaryProps) {
  const changed = result.notes.length > 0 || result.cellsWritten > 0;
  return (
    <div role="status" aria-live="polite">
      {changed ? (
        <MessageBar intent="success" layout="multiline">
          <MessageBarBody>
            <MessageBarTitle>Listo</MessageBarTitle>
            {result.notes.length > 0 ? (
              <ul style={{ margin: "4px 0", paddingInlineStart: 18 }}>
                {result.notes.map((note, i) => (
                  <li key={i}>{note}</li>
                ))}
              </ul>
            ) : (
              <Text>Se escribieron {result.cellsWritten} celdas.</Text>
            )}
          </MessageBarBody>
        </MessageBar>
      ) : (
        <MessageBar intent="info" layout="multiline">
          <MessageBarBody>{unchangedText}</MessageBarBody>
        </MessageBar>
      )}
      {result.conflicts.length > 0 && (
        <MessageBar intent="warning" layout="multiline">
          <MessageBarBody>
            <MessageBarTitle>{PaneMessages.changedByOthersTitle}</MessageBarTitle>
            {PaneMessages.changedByOthers}
            <ul style={{ margin: "4px 0", paddingInlineStart: 18 }}>
              {result.conflicts.map((c, i) => (
                <li key={i}>{c}</li>
              ))}
            </ul>
          </MessageBarBody>
        </MessageBar>
      )}
      {result.skipped.map((s, i) => (
        <MessageBar key={i} intent="warning" layout="multiline">
          <MessageBarBody>{s}</MessageBarBody>
        </MessageBar>
      ))}
    </div>
  );
}
