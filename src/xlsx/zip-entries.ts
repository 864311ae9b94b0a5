import { createReadStream, promises as fs } from "node:fs";
import { createInflateRaw } from "node:zlib";

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

const EOCD_SIGNATURE = 0x06054b50;
const CENTRAL_SIGNATURE = 0x02014b50;
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
    const tailLength = Math.min(size, 22 + 65_535);
    const tail = await readAt(handle, size - tailLength, tailLength);
    let eocd = -1;
    for (let i = tail.length - 22; i >= 0; i--) {
      if (tail.readUInt32LE(i) === EOCD_SIGNATURE) {
        eocd = i;
        break;
      }
    }
    if (eocd < 0) throw new Error("zip: end of central directory not found");
    const count = tail.readUInt16LE(eocd + 10);
    const directorySize = tail.readUInt32LE(eocd + 12);
    const directoryOffset = tail.readUInt32LE(eocd + 16);
    const directory = await readAt(handle, directoryOffset, directorySize);
    const entries = new Map<string, ZipEntry>();
    let at = 0;
    for (let n = 0; n < count; n++) {
      if (directory.readUInt32LE(at) !== CENTRAL_SIGNATURE) throw new Error("zip: bad central directory entry");
      const nameLength = directory.readUInt16LE(at + 28);
      const extraLength = directory.readUInt16LE(at + 30);
      const commentLength = directory.readUInt16LE(at + 32);
      const name = directory.toString("utf8", at + 46, at + 46 + nameLength);
      entries.set(name, {
        name,
        method: directory.readUInt16LE(at + 10),
        compressedSize: directory.readUInt32LE(at + 20),
        uncompressedSize: directory.readUInt32LE(at + 24),
        localHeaderOffset: directory.readUInt32LE(at + 42),
      });
      at += 46 + nameLength + extraLength + commentLength;
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
