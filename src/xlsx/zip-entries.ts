import { createReadStream, promises as fs } from "node:fs";
import { createInflateRaw } from "node:zlib";
import { EOCD_MAX_LENGTH, findEndOfCentralDirectory, readCentralDirectory } from "./zip-directory";

/**
 * A minimal reader of a zip archive's entries (the .xlsx package): the central directory is read from the
 * end of the file, and each entry is inflated as a stream, so a 250 MB sheet part never sits in memory whole.
 * Handles "stored" and "deflate" entries, which is what Excel, LibreOffice and ExcelJS write.
 */
export interface ZipEntry {
  name: string;
  method: number;
  compressedSize: number;
  uncompressedSize: number;
  localHeaderOffset: number;
}

export interface ZipArchive {
  file: string;
  entries: Map<string, ZipEntry>;
}

const LOCAL_SIGNATURE = 0x04034b50;

async function readAt(handle: fs.FileHandle, position: number, length: number): Promise<Buffer> {
  const buffer = Buffer.alloc(length);
  const { bytesRead } = await handle.read(buffer, 0, length, position);
  return buffer.subarray(0, bytesRead);
}

/** Reads the archive's directory; throws when the file is not a readable zip. */
export async function openZip(file: string): Promise<ZipArchive> {
  const handle = await fs.open(file, "r");
  try {
    const { size } = await handle.stat();
    const tailLength = Math.min(size, EOCD_MAX_LENGTH);
    const tail = await readAt(handle, size - tailLength, tailLength);
    const end = findEndOfCentralDirectory(tail);
    if (!end) throw new Error("zip: end of central directory not found");
    const directory = await readAt(handle, end.directoryOffset, end.directorySize);
    const records = readCentralDirectory(directory, 0, end.count);
    if (!records) throw new Error("zip: bad central directory entry");
    const entries = new Map<string, ZipEntry>();
    for (const r of records) {
      entries.set(r.name, { name: r.name, method: r.method, compressedSize: r.compressedSize, uncompressedSize: r.size, localHeaderOffset: r.localHeaderOffset });
    }
    return { file, entries };
  } finally {
    await handle.close();
  }
}

async function dataStart(file: string, entry: ZipEntry): Promise<number> {
  const handle = await fs.open(file, "r");
  try {
    const header = await readAt(handle, entry.localHeaderOffset, 30);
    if (header.length < 30 || header.readUInt32LE(0) !== LOCAL_SIGNATURE) throw new Error("zip: bad local header");
    return entry.localHeaderOffset + 30 + header.readUInt16LE(26) + header.readUInt16LE(28);
  } finally {
    await handle.close();
  }
}

/** The entry's uncompressed bytes, chunk by chunk. */
export async function* entryChunks(zip: ZipArchive, name: string): AsyncGenerator<Buffer> {
  const entry = zip.entries.get(name);
  if (!entry) throw new Error(`zip: no entry ${name}`);
  if (entry.compressedSize === 0) return;
  const start = await dataStart(zip.file, entry);
  const raw = createReadStream(zip.file, { start, end: start + entry.compressedSize - 1, highWaterMark: 1 << 20 });
  if (entry.method === 0) {
    for await (const chunk of raw) yield chunk as Buffer;
    return;
  }
  if (entry.method !== 8) throw new Error(`zip: unsupported compression method ${entry.method}`);
  const inflate = createInflateRaw({ chunkSize: 1 << 20 });
  raw.on("error", (error) => inflate.destroy(error));
  for await (const chunk of raw.pipe(inflate)) yield chunk as Buffer;
}

/** A small entry's text (workbook.xml, styles, tables); null when the package has no such entry. */
export async function entryText(zip: ZipArchive, name: string): Promise<string | null> {
  if (!zip.entries.has(name)) return null;
  const parts: Buffer[] = [];
  for await (const chunk of entryChunks(zip, name)) parts.push(chunk);
  return Buffer.concat(parts).toString("utf8");
}
