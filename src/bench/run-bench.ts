import { runBundleBench } from "./bundle-bench";
import { runCalendarBench } from "./calendar-bench";
import { runExcelBench } from "./excel-bench";
import { runFileModeBench } from "./file-mode-bench";
import { runWorkbookBench } from "./workbook-bench";

/** `npm run bench`: every benchmark module, one after the other, figures printed as they come. */
async function main(): Promise<void> {
  const benches: [string, () => Promise<string[]>][] = [
    ["calendario", runCalendarBench],
    ["libro de trabajo", runWorkbookBench],
    ["modo archivo", runFileModeBench],
    ["Office.js (adaptador)", runExcelBench],
    ["paquete del panel", runBundleBench],
  ];
  for (const [name, run] of benches) {
    process.stdout.write(`\n== ${name} ==\n`);
    for (const line of await run()) process.stdout.write(`${line}\n`);
  }
}

main().catch((error: unknown) => {
  process.stderr.write(`El benchmark falló: ${error instanceof Error ? error.message : String(error)}\n`);
  process.exitCode = 1;
});
