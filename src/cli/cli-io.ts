import type { Progress } from "./progress";

/** Where a command writes and what "today" is: injected so that tests run commands in-process. */
export interface CliIo {
  stdout: (text: string) => void;
  stderr: (text: string) => void;
  /** Today as an Excel serial (Bogotá's calendar day). */
  today: number;
  /** Whether stderr is an interactive terminal; progress is shown only then (absent: not a terminal). */
  stderrIsTTY?: boolean;
  /** Set by runCli for the command it runs: phases and row counts on an interactive stderr. */
  progress?: Progress;
}

/** Exit statuses scripts rely on: 0 fine, 1 the workbook has errors, 2 the input cannot be used. */
export const EXIT = { ok: 0, findings: 1, unusable: 2 } as const;
