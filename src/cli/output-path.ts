import { CliMessages } from "./messages";
import * as fs from "node:fs";
import * as path from "node:path";
import { UnusableInputError } from "../xlsx/unusable-input-error";

export interface OutputPathOptions {
  /** `--sobrescribir`: the user accepts replacing an existing file. */
  overwrite: boolean;
  /** The option that named the file, for the message ("--salida", "--pdf"). */
  option?: string;
  /** The extension the file must have, with the dot (".xlsx", ".pdf"). */
  extension?: string;
  /** Other files of the same command the output must not coincide with (besides the input). */
  others?: readonly string[];
}

function statOrNull(file: string): fs.Stats | null {
  try {
    return fs.statSync(file);
  } catch {
    return null;
  }
}

/**
 * The one policy for every file a command writes, checked before anything is read or written: never the
 * input, never a folder, only into a folder that exists, and never over an existing file unless the user
 * said `--sobrescribir`. Refusals are exit 2 with one Spanish sentence that says what to type.
 */
export function checkOutputPath(input: string, output: string, options: OutputPathOptions): void {
  const option = options.option ?? "--salida";
  const extension = options.extension ?? ".xlsx";
  for (const other of [input, ...(options.others ?? [])]) {
    if (path.resolve(other) === path.resolve(output)) {
      const message = other === input ? CliMessages.sameAsInput(output, option) : CliMessages.sameAsOther(output, other, option);
      throw new UnusableInputError(message, { code: "salida-es-la-entrada" });
    }
  }
  const stats = statOrNull(output);
  if (stats?.isDirectory() === true) {
    throw new UnusableInputError(
      CliMessages.outputIsFolder(output, option, path.join(output, `resultado${extension}`)),
      { code: "salida-es-carpeta" },
    );
  }
  if (!output.toLowerCase().endsWith(extension)) {
    throw new UnusableInputError(CliMessages.outputExtension(output, extension, option), {
      code: "extension-de-salida",
    });
  }
  const folder = path.dirname(path.resolve(output));
  if (statOrNull(folder)?.isDirectory() !== true) {
    throw new UnusableInputError(CliMessages.folderMissing(path.dirname(output), option), { code: "carpeta-no-existe" });
  }
  const input_ = statOrNull(input);
  if (stats !== null && input_ !== null && stats.ino === input_.ino && stats.dev === input_.dev) {
    throw new UnusableInputError(CliMessages.sameAsInput(output, option), { code: "salida-es-la-entrada" });
  }
  if (stats !== null && !options.overwrite) {
    throw new UnusableInputError(CliMessages.outputExists(output, option), {
      code: "salida-ya-existe",
    });
  }
}
