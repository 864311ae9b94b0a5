import * as zlib from "node:zlib";
import { CENTRAL_SIGNATURE, EOCD_MAX_LENGTH, EOCD_SIGNATURE, findEndOfCentralDirectory, readCentralDirectory } from "./zip-directory";

/**
 * A minimal reader and writer of the zip container of an .xlsx package (ECMA-376 Part 2, Open Packaging
 * Conventions; zip format per PKWARE APPNOTE.TXT). Entries that are not changed keep their compressed bytes,
 * so copying a 250 MB worksheet costs a memory copy, not an inflate and a deflate.
 */
export interface ZipEntry {
  name: string;
  /** 0 = stored, 8 = deflated. */
  method: number;
  crc: number;
  compressedSize: number;
  size: number;
  /** General purpose flags to keep (bit 11: the name is UTF-8). */
  utf8: boolean;
  /** The entry's bytes exactly as stored in the archive (compressed when method is 8). */
  raw: Buffer;
}

/** Thrown when a package uses a zip feature this reader does not handle (zip64, encryption): use the full save. */
export class UnsupportedZipError extends Error {}

const LOCAL = 0x04034b50;

export function readZip(buffer: Buffer): Map<string, ZipEntry> {
  const end = findEndOfCentralDirectory(buffer.subarray(Math.max(0, buffer.length - EOCD_MAX_LENGTH)));
  if (!end) throw new UnsupportedZipError("no end of central directory");
  if (end.count === 0xffff || end.directoryOffset === 0xffffffff) throw new UnsupportedZipError("zip64");
  const records = readCentralDirectory(buffer, end.directoryOffset, end.count);
  if (!records) throw new UnsupportedZipError("bad central directory");
  const entries = new Map<string, ZipEntry>();
  for (const { name, flags, method, crc, compressedSize, size, localHeaderOffset: local } of records) {
    if ((flags & 0x1) !== 0) throw new UnsupportedZipError("encrypted entry");
    if (compressedSize === 0xffffffff || size === 0xffffffff || local === 0xffffffff) throw new UnsupportedZipError("zip64");
    if (method !== 0 && method !== 8) throw new UnsupportedZipError(`method ${method}`);
    if (buffer.readUInt32LE(local) !== LOCAL) throw new UnsupportedZipError("bad local header");
    const start = local + 30 + buffer.readUInt16LE(local + 26) + buffer.readUInt16LE(local + 28);
    const raw = buffer.subarray(start, start + compressedSize);
    if (!name.endsWith("/")) entries.set(name, { name, method, crc, compressedSize, size, utf8: (flags & 0x800) !== 0, raw });
  }
  return entries;
}

/** The uncompressed bytes of an entry. */
export function entryBytes(entry: ZipEntry): Buffer {
  return entry.method === 8 ? zlib.inflateRawSync(entry.raw) : Buffer.from(entry.raw);
}

export function entryText(entry: ZipEntry): string {
  return entryBytes(entry).toString("utf8");
}

/** A new deflated entry. */
export function deflatedEntry(name: string, content: string | Buffer): ZipEntry {
  const bytes = typeof content === "string" ? Buffer.from(content, "utf8") : content;
  const raw = zlib.deflateRawSync(bytes, { level: 6 });
  return { name, method: 8, crc: zlib.crc32(bytes), compressedSize: raw.length, size: bytes.length, utf8: true, raw };
}

/** Zip date and time fields for `date` (local time, as zip tools read them). */
function dosTime(date: Date): { time: number; day: number } {
  const time = (date.getHours() << 11) | (date.getMinutes() << 5) | Math.floor(date.getSeconds() / 2);
  const day = ((date.getFullYear() - 1980) << 9) | ((date.getMonth() + 1) << 5) | date.getDate();
  return { time, day };
}

/** Writes the entries in order into one zip archive. */
export function writeZip(entries: readonly ZipEntry[], date = new Date()): Buffer {
  const { time, day } = dosTime(date);
  const chunks: Buffer[] = [];
  const central: Buffer[] = [];
  let offset = 0;
  for (const entry of entries) {
    const name = Buffer.from(entry.name, "utf8");
    const flags = entry.utf8 ? 0x800 : 0;
    const header = Buffer.alloc(30);
    header.writeUInt32LE(LOCAL, 0);
    header.writeUInt16LE(20, 4);
    header.writeUInt16LE(flags, 6);
    header.writeUInt16LE(entry.method, 8);
    header.writeUInt16LE(time, 10);
    header.writeUInt16LE(day, 12);
    header.writeUInt32LE(entry.crc >>> 0, 14);
    header.writeUInt32LE(entry.raw.length, 18);
    header.writeUInt32LE(entry.size, 22);
    header.writeUInt16LE(name.length, 26);
    header.writeUInt16LE(0, 28);
    const record = Buffer.alloc(46);
    record.writeUInt32LE(CENTRAL_SIGNATURE, 0);
    record.writeUInt16LE(20, 4);
    record.writeUInt16LE(20, 6);
    record.writeUInt16LE(flags, 8);
    record.writeUInt16LE(entry.method, 10);
    record.writeUInt16LE(time, 12);
    record.writeUInt16LE(day, 14);
    record.writeUInt32LE(entry.crc >>> 0, 16);
    record.writeUInt32LE(entry.raw.length, 20);
    record.writeUInt32LE(entry.size, 24);
    record.writeUInt16LE(name.length, 28);
    record.writeUInt32LE(offset, 42);
    chunks.push(header, name, entry.raw);
    central.push(record, name);
    offset += header.length + name.length + entry.raw.length;
    if (offset > 0xffffffff) throw new UnsupportedZipError("archive over 4 GB");
  }
  const centralSize = central.reduce((sum, b) => sum + b.length, 0);
  const end = Buffer.alloc(22);
  end.writeUInt32LE(EOCD_SIGNATURE, 0);
  end.writeUInt16LE(entries.length, 8);
  end.writeUInt16LE(entries.length, 10);
  end.writeUInt32LE(centralSize, 12);
  end.writeUInt32LE(offset, 16);
  return Buffer.concat([...chunks, ...central, end]);
}
