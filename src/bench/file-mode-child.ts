import { StringDecoder } from "node:string_decoder";
import { entryChunks, openZip } from "../xlsx/zip-entries";

/**
 * One measurement of the file-mode bench, in a fresh process: `raw <file>` (the reference: unzip every
 * sheet part and pass once over its XML, counting cells) or a CLI command's arguments. Prints one JSON
 * line: seconds since the process started and the process's peak resident memory.
 */
const TODAY = 46_200; // 2026-06-27

async function rawRead(file: string): Promise<number> {
  const zip = await openZip(file);
  let cells = 0;
  for (const name of zip.entries.keys()) {
    if (!name.startsWith("xl/worksheets/") || !name.endsWith(".xml")) continue;
    const decoder = new StringDecoder("utf8");
    let carry = "";
    for await (const chunk of entryChunks(zip, name)) {
      const text = carry + decoder.write(chunk);
      let at = text.indexOf("<c ");
      let last = 0;
      while (at >= 0) {
        cells++;
        last = at + 3;
        at = text.indexOf("<c ", last);
      }
      carry = text.slice(Math.max(last, text.length - 2));
    }
  }
  return cells;
}

async function main(): Promise<void> {
  const [task, ...args] = process.argv.slice(2);
  let status = 0;
  if (task === "raw") {
    await rawRead(args[0] ?? "");
  } else {
    // Loaded only here, so the reference pays for no CLI module it does not use.
    const { runCli } = await import("../cli/main");
    status = await runCli([task ?? "", ...args], { stdout: () => undefined, stderr: () => undefined, today: TODAY });
  }
  const seconds = performance.now() / 1000;
  const peakMb = process.resourceUsage().maxRSS / 1024;
  process.stdout.write(`${JSON.stringify({ status, seconds, peakMb })}\n`);
}

main().catch((error: unknown) => {
  process.stderr.write(`${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`);
  process.exitCode = 1;
});
