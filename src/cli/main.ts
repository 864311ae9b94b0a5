import { CliMessages } from "./messages";
import { UnusableInputError } from "../xlsx/unusable-input-error";
import { UsageError } from "./arguments";
import { EXIT, type CliIo } from "./cli-io";
import { EVALUATE_HELP, EXPORT_HELP, FOLLOW_UP_HELP, GENERAL_HELP, INDICATORS_HELP, PREPARE_HELP, VALIDATE_HELP } from "./help-text";
import { runInProcess } from "./process-entry";
import { createProgress } from "./progress";

// Each command is loaded when it runs: validar and seguimiento never load ExcelJS.
const COMMANDS = {
  preparar: { run: async (args: readonly string[], io: CliIo): Promise<number> => (await import("./commands/prepare-command")).prepareCommand(args, io), help: PREPARE_HELP },
  validar: { run: async (args: readonly string[], io: CliIo): Promise<number> => (await import("./commands/validate-command")).validateCommand(args, io), help: VALIDATE_HELP },
  evaluar: { run: async (args: readonly string[], io: CliIo): Promise<number> => (await import("./commands/evaluate-command")).evaluateCommand(args, io), help: EVALUATE_HELP },
  exportar: { run: async (args: readonly string[], io: CliIo): Promise<number> => (await import("./commands/export-command")).exportCommand(args, io), help: EXPORT_HELP },
  seguimiento: { run: async (args: readonly string[], io: CliIo): Promise<number> => (await import("./commands/follow-up-command")).followUpCommand(args, io), help: FOLLOW_UP_HELP },
  indicadores: { run: async (args: readonly string[], io: CliIo): Promise<number> => (await import("./commands/indicators-command")).indicatorsCommand(args, io), help: INDICATORS_HELP },
} as const;

function isCommand(name: string): name is keyof typeof COMMANDS {
  return Object.prototype.hasOwnProperty.call(COMMANDS, name);
}

/**
 * `control-alianzas <comando> …`. Every failure reaches the user as one Spanish sentence on stderr (never a
 * stack trace): 2 for a command line or input that cannot be used.
 */
export async function runCli(argv: readonly string[], io: CliIo): Promise<number> {
  const [name, ...args] = argv;
  if (name === undefined || name === "--help" || name === "-h" || name === "ayuda" || name === "--ayuda") {
    (name === undefined ? io.stderr : io.stdout)(GENERAL_HELP);
    return name === undefined ? EXIT.unusable : EXIT.ok;
  }
  if (!isCommand(name)) {
    io.stderr(`${CliMessages.unknownCommand(name)}\n\n${GENERAL_HELP}`);
    return EXIT.unusable;
  }
  const command = COMMANDS[name];
  const progress = createProgress({ write: io.stderr, isTTY: io.stderrIsTTY === true, json: args.includes("--json") });
  // Whatever the command prints replaces the progress line, so results and messages never mix with it.
  const commandIo: CliIo = {
    ...io,
    stdout: (text) => {
      progress.clear();
      io.stdout(text);
    },
    stderr: (text) => {
      progress.clear();
      io.stderr(text);
    },
    progress,
  };
  try {
    const status = await command.run(args, commandIo);
    progress.clear();
    return status;
  } catch (error) {
    progress.clear();
    if (error instanceof UsageError) {
      io.stderr(`${error.message}\n\n${command.help}`);
      return EXIT.unusable;
    }
    if (error instanceof UnusableInputError) {
      // A script that asked for JSON reads stdout only: it gets the error as JSON, and still exit 2.
      if (args.includes("--json")) io.stdout(`${JSON.stringify({ error: { code: error.code, message: error.message } })}\n`);
      io.stderr(`${error.message}\n`);
      return EXIT.unusable;
    }
    const detail = error instanceof Error ? error.message : String(error);
    io.stderr(`${CliMessages.commandFailed(name, detail)}\n`);
    return EXIT.unusable;
  }
}

/** `control-alianzas …` as launched from the shell (see control-alianzas.js). */
export function runCliInProcess(): void {
  runInProcess((io) => runCli(process.argv.slice(2), io), "Error inesperado");
}

if (require.main === module) runCliInProcess();
