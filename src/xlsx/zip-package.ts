import * as zlib from "node:zlib";

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

const EOCD = 0x06054b50;
const CENTRAL = 0x02014b50;
const LOCAL = 0x04034b50;

export function readZip(buffer: Buffer): Map<string, ZipEntry> {
  let eocd = -1;
  for (let i = buffer.length - 22; i >= Math.max(0, buffer.length - 22 - 0xffff); i--) {
    if (buffer.readUInt32LE(i) === EOCD) {
      eocd = i;
      break;
    }
  }
  if (eocd < 0) throw new UnsupportedZipError("no end of central directory");
  const count = buffer.readUInt16LE(eocd + 10);
  let offset = buffer.readUInt32LE(eocd + 16);
  if (count === 0xffff || offset === 0xffffffff) throw new UnsupportedZipError("zip64");
  const entries = new Map<string, ZipEntry>();
  for (let n = 0; n < count; n++) {
    if (buffer.readUInt32LE(offset) !== CENTRAL) throw new UnsupportedZipError("bad central directory");
    const flags = buffer.readUInt16LE(offset + 8);
    const method = buffer.readUInt16LE(offset + 10);
    const crc = buffer.readUInt32LE(offset + 16);
    const compressedSize = buffer.readUInt32LE(offset + 20);
    const size = buffer.readUInt32LE(offset + 24);
    const nameLength = buffer.readUInt16LE(offset + 28);
    const extraLength = buffer.readUInt16LE(offset + 30);
    const commentLength = buffer.readUInt16LE(offset + 32);
    const local = buffer.readUInt32LE(offset + 42);
    const name = buffer.toString((flags & 0x800) !== 0 ? "utf8" : "latin1", offset + 46, offset + 46 + nameLength);
    if ((flags & 0x1) !== 0) throw new UnsupportedZipError("encrypted entry");
    if (compressedSize === 0xffffffff || size === 0xffffffff || local === 0xffffffff) throw new UnsupportedZipError("zip64");
    if (method !== 0 && method !== 8) throw new UnsupportedZipError(`method ${method}`);
    if (buffer.readUInt32LE(local) !== LOCAL) throw new UnsupportedZipError("bad local header");
    const start = local + 30 + buffer.readUInt16LE(local + 26) + buffer.readUInt16LE(local + 28);
    const raw = buffer.subarray(start, start + compressedSize);
    if (!name.endsWith("/")) entries.set(name, { name, method, crc, compressedSize, size, utf8: (flags & 0x800) !== 0, raw });
    offset += 46 + nameLength + extraLength + commentLength;
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
    record.writeUInt32LE(CENTRAL, 0);
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
  end.writeUInt32LE(EOCD, 0);
  end.writeUInt16LE(entries.length, 8);
  end.writeUInt16LE(entries.length, 10);
  end.writeUInt32LE(centralSize, 12);
  end.writeUInt32LE(offset, 16);
  return Buffer.concat([...chunks, ...central, end]);
}
