import { columnLetters } from "../workbook/a1";
import type { Finding, RuleId } from "./finding";
import { RULES } from "./rule-catalogue";

/** Collects findings; the severity comes from the rule, the A1 address from the coordinates. */
export class FindingCollector {
  readonly findings: Finding[] = [];
  private readonly letters: string[] = [];

  add(rule: RuleId, sheet: string, row: number, col: number, message: string, rowKey?: string): void {
    const letters = (this.letters[col] ??= columnLetters(col));
    const finding: Finding = { rule, severity: RULES[rule].severity, sheet, cell: `${letters}${row + 1}`, row, col, message };
    if (rowKey) finding.rowKey = rowKey;
    this.findings.push(finding);
  }
}
