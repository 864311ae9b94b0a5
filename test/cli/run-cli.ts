import { runCli } from "../../src/cli/main";

export const TODAY = 46_200; // 2026-06-27

/** Runs the command in-process and collects what it printed. */
export async function run(...argv: string[]): Promise<{ status: number; stdout: string; stderr: string }> {
  let stdout = "";
  let stderr = "";
  const status = await runCli(argv, { stdout: (t) => (stdout += t), stderr: (t) => (stderr += t), today: TODAY });
  return { status, stdout, stderr };
}
