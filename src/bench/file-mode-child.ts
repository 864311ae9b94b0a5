import { readFileSync } from "node:fs";
import { writeFile } from "node:fs/promises";
import { StringDecoder } from "node:string_decoder";
import * as zlib from "node:zlib";
import { STREAMED_SHEET_LEVEL } from "../xlsx/streamed-sheet-level";
import { entryChunks, openZip } from "../xlsx/zip-entries";
import { deflatedEntry, writeZip, type ZipEntry } from "../xlsx/zip-package";

/**
 * One measurement of the file-mode bench, in a fresh process: `raw <file>` (the reference: unzip every
 * sheet part and pass once over its XML, counting cells), `rawwrite <file> <written.xlsx> <out.xlsx>` (the
 * reference for a command that rewrites sheets: the raw read of <file>, then the sheet XML of <written.xlsx>
 * deflated into a zip at the package writer's level; getting that XML into memory is not counted) or a CLI
 * command's arguments. Prints one JSON line: seconds since the process started and the peak resident memory.
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

/** The sheet parts of `file`, uncompressed, each as the chunks it inflates to. */
async function sheetXml(file: string): Promise<{ name: string; chunks: Buffer[] }[]> {
  const zip = await openZip(file);
  const parts: { name: string; chunks: Buffer[] }[] = [];
  for (const name of zip.entries.keys()) {
    if (!name.startsWith("xl/worksheets/") || !name.endsWith(".xml")) continue;
    const chunks: Buffer[] = [];
    for await (const chunk of entryChunks(zip, name)) chunks.push(chunk);
    parts.push({ name, chunks });
  }
  return parts;
}

/** Deflates each part as a stream, as the package writer does, and writes the zip. */
async function rawWrite(parts: { name: string; chunks: Buffer[] }[], output: string): Promise<void> {
  const entries: ZipEntry[] = [];
  for (const { name, chunks } of parts) {
    const deflate = zlib.createDeflateRaw({ level: STREAMED_SHEET_LEVEL });
    const compressed: Buffer[] = [];
    deflate.on("data", (chunk: Buffer) => compressed.push(chunk));
    let crc = 0;
    let size = 0;
    for (const chunk of chunks) {
      crc = zlib.crc32(chunk, crc);
      size += chunk.length;
      if (!deflate.write(chunk)) await new Promise((resolve) => deflate.once("drain", resolve));
    }
    deflate.end();
    await new Promise((resolve) => deflate.once("end", resolve));
    const raw = Buffer.concat(compressed);
    entries.push({ ...deflatedEntry(name, ""), crc, size, compressedSize: raw.length, raw });
  }
  await writeFile(output, writeZip(entries));
}

/**
 * The peak resident memory of this process, in KB. On Linux `getrusage`'s maxRSS survives `execve`: a child
 * started by a 165 MB bench reports at least 165 MB however little it uses. VmHWM in /proc/self/status is the
 * high-water mark of this program's own address space; other systems fall back to maxRSS.
 */
function peakResidentKb(): number {
  try {
    const match = /^VmHWM:\s*(\d+)\s*kB/m.exec(readFileSync("/proc/self/status", "utf8"));
    if (match) return Number(match[1]);
  } catch {
    // Not Linux: maxRSS below.
  }
  return process.resourceUsage().maxRSS;
}

async function main(): Promise<void> {
  const [task, ...args] = process.argv.slice(2);
  let status = 0;
  let untimed = 0;
  if (task === "raw") {
    await rawRead(args[0] ?? "");
  } else if (task === "rawwrite") {
    await rawRead(args[0] ?? "");
    const start = performance.now();
    const parts = await sheetXml(args[1] ?? "");
    untimed = (performance.now() - start) / 1000;
    await rawWrite(parts, args[2] ?? "");
  } else {
    // Loaded only here, so the reference pays for no CLI module it does not use.
    const { runCli } = await import("../cli/main");
    status = await runCli([task ?? "", ...args], { stdout: () => undefined, stderr: () => undefined, today: TODAY });
  }
  const seconds = performance.now() / 1000 - untimed;
  const peakMb = peakResidentKb() / 1024;
  process.stdout.write(`${JSON.stringify({ status, seconds, peakMb })}\n`);
}

main().catch((error: unknown) => {
  process.stderr.write(`${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`);
  process.exitCode = 1;
});
