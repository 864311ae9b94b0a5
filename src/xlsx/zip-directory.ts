/**
 * The zip central directory (PKWARE APPNOTE.TXT §4.3.12–4.3.16), read the same way by the streaming reader
 * (zip-entries.ts, from a file) and by the package writer (zip-package.ts, from a buffer).
 */

export const EOCD_SIGNATURE = 0x06054b50;
export const CENTRAL_SIGNATURE = 0x02014b50;
/** The end-of-central-directory record: 22 bytes plus a comment of up to 65,535. */
export const EOCD_MAX_LENGTH = 22 + 0xffff;

export interface EndOfCentralDirectory {
  count: number;
  directorySize: number;
  directoryOffset: number;
}

/** One central-directory record; `localHeaderOffset` is where the entry's local header starts. */
export interface CentralRecord {
  name: string;
  flags: number;
  method: number;
  crc: number;
  compressedSize: number;
  size: number;
  localHeaderOffset: number;
}

/** The end record found in `tail` (the archive's last bytes, up to EOCD_MAX_LENGTH); null when there is none. */
export function findEndOfCentralDirectory(tail: Buffer): EndOfCentralDirectory | null {
  for (let i = tail.length - 22; i >= 0; i--) {
    if (tail.readUInt32LE(i) === EOCD_SIGNATURE) {
      return { count: tail.readUInt16LE(i + 10), directorySize: tail.readUInt32LE(i + 12), directoryOffset: tail.readUInt32LE(i + 16) };
    }
  }
  return null;
}

/**
 * The `count` records of the central directory starting at `start` in `buffer`; null when a record's
 * signature is wrong. Names are UTF-8 when flag bit 11 says so, CP437 (read as latin1) otherwise.
 */
export function readCentralDirectory(buffer: Buffer, start: number, count: number): CentralRecord[] | null {
  const records: CentralRecord[] = [];
  let at = start;
  for (let n = 0; n < count; n++) {
    if (buffer.readUInt32LE(at) !== CENTRAL_SIGNATURE) return null;
    const flags = buffer.readUInt16LE(at + 8);
    const nameLength = buffer.readUInt16LE(at + 28);
    records.push({
      name: buffer.toString((flags & 0x800) !== 0 ? "utf8" : "latin1", at + 46, at + 46 + nameLength),
      flags,
      method: buffer.readUInt16LE(at + 10),
      crc: buffer.readUInt32LE(at + 16),
      compressedSize: buffer.readUInt32LE(at + 20),
      size: buffer.readUInt32LE(at + 24),
      localHeaderOffset: buffer.readUInt32LE(at + 42),
    });
    at += 46 + nameLength + buffer.readUInt16LE(at + 30) + buffer.readUInt16LE(at + 32);
  }
  return records;
}
