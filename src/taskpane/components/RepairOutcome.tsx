import { PaneMessages } from "../messages";
import { MessageBar, MessageBarBody } from "@fluentui/react-components";
import type { RepairResult } from "../../excel/action-types";
import { ChangeSummary } from "./ChangeSummary";

/** What "Reparar fórmulas" did, worded the same wherever the user started it. */
export function RepairOutcome({ result }: { result: RepairResult }) {
  if (result.repaired === 0) {
    return (
      <MessageBar intent="info" layout="multiline">
        <MessageBarBody>{PaneMessages.nothingToRepair}</MessageBarBody>
      </MessageBar>
    );
  }
  return <ChangeSummary result={{ ...result, notes: [PaneMessages.repaired(result.repaired), ...result.notes.filter((n) => !/^Se volvieron/.test(n))] }} unchangedText="" />;
}
