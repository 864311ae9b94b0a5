import * as zlib from "node:zlib";

/**
 * Changes a few bytes near the start of a large deflated zip entry without recompressing all of it.
 *
 * A deflate stream (RFC 1951, https://www.rfc-editor.org/rfc/rfc1951) is a series of blocks, and a block's
 * back-references reach at most 32,768 bytes back into the data already decoded (§3.2.5). So the stream is decoded
 * here block by block only until a block starts at least that far past the change. The data before that block
 * (with the change) is compressed again and ends on a byte boundary with a non-final empty stored block (zlib's
 * sync flush). The original blocks from there on follow unchanged, bit-shifted to start on that byte: they
 * decode to the same bytes, since the 32 KB window they can refer to lies after the change.
 *
 * The sheet the change goes into (250 MB of XML at 100,000 DOs) then costs decoding its first blocks and copying
 * its compressed bytes, instead of inflating and deflating it whole.
 */

/** The largest back-reference distance of deflate. */
const WINDOW = 32_768;
/** Decoded bytes past which the splice gives up (the caller then recompresses the whole entry). */
const MAX_HEAD = 32 * 1024 * 1024;

const LENGTH_BASE = [3, 4, 5, 6, 7, 8, 9, 10, 11, 13, 15, 17, 19, 23, 27, 31, 35, 43, 51, 59, 67, 83, 99, 115, 131, 163, 195, 227, 258];
const LENGTH_EXTRA = [0, 0, 0, 0, 0, 0, 0, 0, 1, 1, 1, 1, 2, 2, 2, 2, 3, 3, 3, 3, 4, 4, 4, 4, 5, 5, 5, 5, 0];
const DISTANCE_BASE = [
  1, 2, 3, 4, 5, 7, 9, 13, 17, 25, 33, 49, 65, 97, 129, 193, 257, 385, 513, 769, 1025, 1537, 2049, 3073, 4097, 6145, 8193, 12289, 16385, 24577,
];
const DISTANCE_EXTRA = [0, 0, 0, 0, 1, 1, 2, 2, 3, 3, 4, 4, 5, 5, 6, 6, 7, 7, 8, 8, 9, 9, 10, 10, 11, 11, 12, 12, 13, 13];
/** The order the code length code lengths come in (§3.2.7). */
const CODE_LENGTH_ORDER = [16, 17, 18, 0, 8, 7, 9, 6, 10, 5, 11, 4, 12, 3, 13, 2, 14, 1, 15];

class BadStream extends Error {}

/** A canonical Huffman code (§3.2.2): how many codes of each length, and the symbols in code order. */
interface Huffman {
  count: Uint16Array;
  symbol: Uint16Array;
}

function huffman(lengths: ArrayLike<number>): Huffman {
  const count = new Uint16Array(16);
  for (let i = 0; i < lengths.length; i++) {
    const len = lengths[i] ?? 0;
    count[len] = (count[len] ?? 0) + 1;
  }
  const offsets = new Uint16Array(16);
  for (let len = 1; len < 15; len++) offsets[len + 1] = (offsets[len] ?? 0) + (count[len] ?? 0);
  const symbol = new Uint16Array(lengths.length);
  for (let i = 0; i < lengths.length; i++) {
    const len = lengths[i] ?? 0;
    if (len === 0) continue;
    const slot = offsets[len] ?? 0;
    symbol[slot] = i;
    offsets[len] = slot + 1;
  }
  count[0] = 0;
  return { count, symbol };
}

const FIXED_LITERALS = huffman(Array.from({ length: 288 }, (_, i) => (i < 144 ? 8 : i < 256 ? 9 : i < 280 ? 7 : 8)));
const FIXED_DISTANCES = huffman(new Array<number>(30).fill(5));

/** Reads the stream's bits, least significant bit of each byte first (§3.1.1). */
class BitReader {
  position = 0;
  constructor(private readonly bytes: Buffer) {}

  bit(): number {
    const byte = this.bytes[this.position >>> 3];
    if (byte === undefined) throw new BadStream("past the end");
    const bit = (byte >>> (this.position & 7)) & 1;
    this.position++;
    return bit;
  }

  bits(n: number): number {
    let value = 0;
    for (let i = 0; i < n; i++) value |= this.bit() << i;
    return value;
  }

  /** Huffman codes are packed starting with their most significant bit (§3.1.1). */
  decode(code: Huffman): number {
    let value = 0;
    let first = 0;
    let index = 0;
    for (let len = 1; len < 16; len++) {
      value |= this.bit();
      const count = code.count[len] ?? 0;
      if (value - first < count) return code.symbol[index + value - first] ?? 0;
      index += count;
      first = (first + count) << 1;
      value <<= 1;
    }
    throw new BadStream("no such code");
  }

  byte(at: number): number {
    const byte = this.bytes[at];
    if (byte === undefined) throw new BadStream("past the end");
    return byte;
  }
}

/** The decoded bytes so far. */
class Output {
  bytes = Buffer.alloc(1 << 18);
  length = 0;

  push(byte: number): void {
    if (this.length === this.bytes.length) {
      if (this.length >= MAX_HEAD) throw new BadStream("head too long");
      const bigger = Buffer.alloc(this.bytes.length * 2);
      this.bytes.copy(bigger);
      this.bytes = bigger;
    }
    this.bytes[this.length++] = byte;
  }
}

function dynamicCodes(reader: BitReader): { literals: Huffman; distances: Huffman } {
  const literalCount = reader.bits(5) + 257;
  const distanceCount = reader.bits(5) + 1;
  const codeLengthCount = reader.bits(4) + 4;
  const codeLengths = new Uint8Array(19);
  for (let i = 0; i < codeLengthCount; i++) codeLengths[CODE_LENGTH_ORDER[i] ?? 0] = reader.bits(3);
  const lengthCode = huffman(codeLengths);
  const lengths = new Uint8Array(literalCount + distanceCount);
  for (let i = 0; i < lengths.length; ) {
    const symbol = reader.decode(lengthCode);
    if (symbol < 16) {
      lengths[i++] = symbol;
      continue;
    }
    let repeat: number;
    let value = 0;
    if (symbol === 16) {
      if (i === 0) throw new BadStream("repeat with no length");
      value = lengths[i - 1] ?? 0;
      repeat = 3 + reader.bits(2);
    } else if (symbol === 17) repeat = 3 + reader.bits(3);
    else repeat = 11 + reader.bits(7);
    if (i + repeat > lengths.length) throw new BadStream("too many lengths");
    lengths.fill(value, i, i + repeat);
    i += repeat;
  }
  return { literals: huffman(lengths.subarray(0, literalCount)), distances: huffman(lengths.subarray(literalCount)) };
}

function inflateBlock(reader: BitReader, type: number, out: Output): void {
  if (type === 0) {
    const at = (reader.position + 7) >>> 3;
    const length = reader.byte(at) | (reader.byte(at + 1) << 8);
    const complement = reader.byte(at + 2) | (reader.byte(at + 3) << 8);
    if ((length ^ 0xffff) !== complement) throw new BadStream("stored length");
    for (let i = 0; i < length; i++) out.push(reader.byte(at + 4 + i));
    reader.position = (at + 4 + length) * 8;
    return;
  }
  if (type === 3) throw new BadStream("block type 3");
  const { literals, distances } = type === 1 ? { literals: FIXED_LITERALS, distances: FIXED_DISTANCES } : dynamicCodes(reader);
  for (;;) {
    const symbol = reader.decode(literals);
    if (symbol < 256) {
      out.push(symbol);
      continue;
    }
    if (symbol === 256) return;
    const index = symbol - 257;
    if (index >= 29) throw new BadStream("length symbol");
    const length = (LENGTH_BASE[index] ?? 0) + reader.bits(LENGTH_EXTRA[index] ?? 0);
    const code = reader.decode(distances);
    if (code >= 30) throw new BadStream("distance symbol");
    const distance = (DISTANCE_BASE[code] ?? 0) + reader.bits(DISTANCE_EXTRA[code] ?? 0);
    if (distance > out.length) throw new BadStream("distance too far back");
    for (let i = 0; i < length; i++) out.push(out.bytes[out.length - distance] ?? 0);
  }
}

/** `bytes` from bit `bit` on, shifted so that bit becomes the first bit of the first byte. */
function fromBit(bytes: Buffer, bit: number): Buffer {
  const start = bit >>> 3;
  const shift = bit & 7;
  if (shift === 0) return bytes.subarray(start);
  const out = Buffer.allocUnsafe(bytes.length - start);
  for (let i = 0; i < out.length; i++) out[i] = ((bytes[start + i] ?? 0) >>> shift) | (((bytes[start + i + 1] ?? 0) << (8 - shift)) & 0xff);
  return out;
}

/**
 * The raw deflate stream `raw` with the decoded bytes at `at` (which must read `before`) replaced by `after`, of
 * the same length. Null when it cannot be done this way: the stream ends before a block boundary far enough past
 * the change, the bytes there are not `before`, or the stream is not one this decoder reads.
 */
export function spliceDeflated(raw: Buffer, at: number, before: Buffer, after: Buffer): Buffer | null {
  if (before.length !== after.length) return null;
  const reach = at + before.length + WINDOW;
  const reader = new BitReader(raw);
  const out = new Output();
  try {
    for (;;) {
      if (out.length >= reach) break;
      const final = reader.bit();
      inflateBlock(reader, reader.bits(2), out);
      if (final) return null;
    }
  } catch (error) {
    if (error instanceof BadStream) return null;
    throw error;
  }
  const head = Buffer.from(out.bytes.subarray(0, out.length));
  if (!head.subarray(at, at + before.length).equals(before)) return null;
  after.copy(head, at);
  const compressedHead = zlib.deflateRawSync(head, { level: 6, finishFlush: zlib.constants.Z_SYNC_FLUSH });
  return Buffer.concat([compressedHead, fromBit(raw, reader.position)]);
}

/** The 32×32 bit matrix `matrix` (one column per bit) times `vector`, over GF(2). */
function times(matrix: Uint32Array, vector: number): number {
  let sum = 0;
  for (let i = 0, v = vector >>> 0; v !== 0; i++, v >>>= 1) if (v & 1) sum ^= matrix[i] ?? 0;
  return sum >>> 0;
}

function squared(matrix: Uint32Array): Uint32Array {
  return matrix.map((column) => times(matrix, column));
}

/**
 * The CRC-32 register (reflected, polynomial 0xEDB88320, not conditioned) after `count` zero bytes: the one-bit
 * step as a matrix, raised to the power 8 × count by squaring, so 250 MB of zeros cost a few dozen matrix products.
 */
function afterZeroBytes(register: number, count: number): number {
  let step: Uint32Array = new Uint32Array(32);
  step[0] = 0xedb88320;
  for (let n = 1; n < 32; n++) step[n] = 1 << (n - 1);
  step = squared(squared(squared(step)));
  let value = register >>> 0;
  for (let n = count; n > 0; n = Math.floor(n / 2)) {
    if (n % 2 === 1) value = times(step, value);
    step = squared(step);
  }
  return value;
}

/**
 * The CRC-32 of data of `size` bytes whose CRC-32 is `crc`, after the bytes at `at` change from `before` to
 * `after` (same length). CRC-32 is affine: for equal lengths crc(a) ^ crc(b) is the unconditioned CRC of a ^ b,
 * which only the changed bytes and the zeros after them make up.
 */
export function crcAfterChange(crc: number, size: number, at: number, before: Buffer, after: Buffer): number {
  const diff = Buffer.alloc(before.length);
  for (let i = 0; i < diff.length; i++) diff[i] = (before[i] ?? 0) ^ (after[i] ?? 0);
  // zlib.crc32(data, v) = ~U(~v, data), with U the register update: U(0, diff) then U(·, zeros).
  const unconditioned = ~zlib.crc32(diff, 0xffffffff) >>> 0;
  const shifted = afterZeroBytes(unconditioned, size - at - before.length);
  return (crc ^ shifted) >>> 0;
}
