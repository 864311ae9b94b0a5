import { deflatedEntry, entryText, type ZipEntry } from "./zip-package";

/**
 * The package writer's small book holds a few sheets, but the original's shared-string table has every string of
 * the book (200,000 at 100,000 DOs), and ExcelJS would parse them all. Here the small book's sheets point at a
 * table of only the strings they use, in the order they first use them. What the cells read is unchanged.
 */
const SHARED_STRINGS = "xl/sharedStrings.xml";
const SHEET_PART = /^xl\/worksheets\/[^/]+\.xml$/;
// A cell whose value is a shared string: t="s" among its attributes, then its <v>.
const SHARED_CELL = /(<c\b[^>]*?\st="s"[^>]*>\s*<v>)(\d+)(<\/v>)/g;

export function withUsedStringsOnly(parts: readonly ZipEntry[]): ZipEntry[] {
  const table = parts.find((part) => part.name === SHARED_STRINGS);
  if (!table) return [...parts];
  const xml = entryText(table);
  const open = /<sst\b[^>]*>/.exec(xml);
  if (!open) return [...parts];
  const items = [...xml.slice(open.index).matchAll(/<si>[\s\S]*?<\/si>|<si\/>/g)].map((m) => m[0]);
  const used = new Map<number, number>();
  const sheets = new Map<string, ZipEntry>();
  for (const part of parts) {
    if (!SHEET_PART.test(part.name)) continue;
    const text = entryText(part);
    if (!text.includes('t="s"')) continue;
    const remapped = text.replace(SHARED_CELL, (_m, before: string, index: string, after: string) => {
      const old = Number(index);
      let next = used.get(old);
      if (next === undefined) {
        next = used.size;
        used.set(old, next);
      }
      return `${before}${next}${after}`;
    });
    sheets.set(part.name, deflatedEntry(part.name, remapped));
  }
  const kept = [...used.keys()].map((old) => items[old] ?? "<si/>");
  const sst = `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<sst xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" count="${kept.length}" uniqueCount="${kept.length}">${kept.join("")}</sst>`;
  return parts.map((part) => (part.name === SHARED_STRINGS ? deflatedEntry(SHARED_STRINGS, sst) : (sheets.get(part.name) ?? part)));
}
