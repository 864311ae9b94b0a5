import { CliMessages } from "./messages";

/** A command line the user got wrong; the message is Spanish and ends with what to type instead. */
export class UsageError extends Error {
  constructor(message: string) {
    super(message);
    this.name = "UsageError";
  }
}

export interface OptionSpec {
  /** Options that take a value ("--salida archivo.xlsx" or "--salida=archivo.xlsx"). */
  withValue: readonly string[];
  /** Flags ("--json"). */
  flags: readonly string[];
}

export interface ParsedArguments {
  positionals: string[];
  values: Map<string, string>;
  flags: Set<string>;
  help: boolean;
}

/** Parses the arguments after the command name; unknown options are usage errors. */
export function parseArguments(args: readonly string[], spec: OptionSpec): ParsedArguments {
  const parsed: ParsedArguments = { positionals: [], values: new Map(), flags: new Set(), help: false };
  for (let i = 0; i < args.length; i++) {
    const arg = args[i] ?? "";
    if (arg === "--help" || arg === "-h" || arg === "--ayuda") {
      parsed.help = true;
      continue;
    }
    if (!arg.startsWith("--") || arg === "--") {
      parsed.positionals.push(arg);
      continue;
    }
    const [name = "", inline] = arg.slice(2).split(/=(.*)/s, 2);
    if (spec.flags.includes(name)) {
      if (inline !== undefined) throw new UsageError(CliMessages.optionTakesNoValue(name));
      parsed.flags.add(name);
    } else if (spec.withValue.includes(name)) {
      const value = inline ?? args[++i];
      if (value === undefined || value === "" || value.startsWith("--")) throw new UsageError(CliMessages.optionValueMissing(name));
      parsed.values.set(name, value);
    } else {
      throw new UsageError(CliMessages.unknownOption(arg));
    }
  }
  return parsed;
}
