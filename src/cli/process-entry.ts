import { EXIT, type CliIo } from "./cli-io";
import { todayInColombia } from "../domain/calendar";

/**
 * Runs a command against the real process: its streams, Bogotá's today, and the exit status it returns.
 * An unexpected failure becomes one Spanish line on stderr and status 2, never a stack trace.
 */
export function runInProcess(work: (io: CliIo) => Promise<number>, failure: string): void {
  const io: CliIo = {
    stdout: (text) => process.stdout.write(text),
    stderr: (text) => process.stderr.write(text),
    today: todayInColombia(new Date()),
    stderrIsTTY: process.stderr.isTTY,
  };
  work(io).then(
    (status) => {
      process.exitCode = status;
    },
    (error: unknown) => {
      process.stderr.write(`${failure}: ${error instanceof Error ? error.message : String(error)}\n`);
      process.exitCode = EXIT.unusable;
    },
  );
}
