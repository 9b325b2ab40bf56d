/**
 * Every text a byte body may be read as, for the secret scanner. A body is stored as it
 * came when tapegate could not undo its encoding (a chain like `gzip, gzip`, raw deflate
 * under `deflate`, an encoding it does not know), and text may be UTF-16; a key id inside
 * such a body is invisible to a scan of the stored bytes. So the scanner looks at:
 *
 * - the bytes as latin1 (one character per byte: ASCII secrets show in any 8-bit encoding);
 * - the bytes with each `Content-Encoding` undone, last applied first, and with gzip or
 *   zlib undone again as long as the magic bytes say so (`gzip, gzip` sent as `gzip`);
 * - each of those read as UTF-16 LE and BE when it holds NUL bytes (with or without a BOM).
 *
 * Decompression is capped (`MAX_DECODED_BYTES`, the store's cap) so a compression bomb
 * costs a bounded amount of memory; what cannot be decoded is simply not a view.
 */
import { brotliDecompressSync, gunzipSync, inflateRawSync, inflateSync } from 'node:zlib';
import { MAX_INFLATED_BYTES } from '../format/body.js';

/** The store's own cap on inflating a body: a body that inflates beyond it is not a view. */
export const MAX_DECODED_BYTES = MAX_INFLATED_BYTES;
/** Encodings nested deeper than this are not unwrapped (no real sender stacks more). */
const MAX_LAYERS = 4;

type Decoder = (bytes: Uint8Array) => Buffer;

const options = { maxOutputLength: MAX_DECODED_BYTES };

const DECODERS: Record<string, Decoder[]> = {
  gzip: [(b) => gunzipSync(b, options)],
  'x-gzip': [(b) => gunzipSync(b, options)],
  // HTTP's deflate is zlib-wrapped (RFC 9110), but servers send raw deflate too.
  deflate: [(b) => inflateSync(b, options), (b) => inflateRawSync(b, options)],
  br: [(b) => brotliDecompressSync(b, options)],
};

function tryDecode(bytes: Uint8Array, decoders: readonly Decoder[]): Buffer | null {
  for (const decode of decoders) {
    try {
      return decode(bytes);
    } catch {
      // Not this encoding (or cut short): try the next, or give up.
    }
  }
  return null;
}

function isGzip(bytes: Uint8Array): boolean {
  return bytes.length > 2 && bytes[0] === 0x1f && bytes[1] === 0x8b;
}

/** zlib's two header bytes: CM 8, and the 16-bit check value a multiple of 31. */
function isZlib(bytes: Uint8Array): boolean {
  const [cmf, flg] = [bytes[0], bytes[1]];
  return bytes.length > 2 && cmf !== undefined && flg !== undefined && (cmf & 0x0f) === 8 && ((cmf << 8) | flg) % 31 === 0;
}

/** The byte layers of a body: as stored, then each encoding undone in turn. */
function layers(bytes: Uint8Array, contentEncoding: string | undefined): Uint8Array[] {
  const out: Uint8Array[] = [bytes];
  const named = (contentEncoding ?? '')
    .split(',')
    .map((token) => token.trim().toLowerCase())
    .filter((token) => token !== '' && token !== 'identity')
    .reverse();
  let current = bytes;
  for (let layer = 0; layer < MAX_LAYERS; layer++) {
    const token = named[layer];
    const decoders = token !== undefined ? DECODERS[token] : isGzip(current) ? DECODERS.gzip : isZlib(current) ? DECODERS.deflate : undefined;
    if (decoders === undefined) break;
    const decoded = tryDecode(current, decoders);
    if (decoded === null || decoded.length === 0) break;
    out.push(decoded);
    current = decoded;
  }
  return out;
}

function swapBytes(bytes: Uint8Array): Buffer {
  const swapped = Buffer.from(bytes.subarray(0, bytes.length - (bytes.length % 2)));
  return swapped.swap16();
}

/**
 * Large layers are read in windows of this size, each overlapping the one before by
 * OVERLAP_BYTES: a 50 MB object read whole would be a 50 MB string, plus two UTF-16 strings
 * and a byte-swapped copy of the same size, all alive at once. Everything the scanner looks
 * for, with the context it reads before it (a name and `=`, a key id before a secret), is far
 * shorter than the overlap, so it lies whole in some window.
 *
 * Why 64 KiB and not more: each window's text is garbage as soon as it is scanned, and where
 * it lives decides how soon it is collected. Below V8's largest young object (128 KiB) it is
 * born in the young generation, swept by the next scavenge, and the garbage stays bounded.
 * A 1 MiB window became a string Node allocates outside the heap (latin1 text over ~1 MB is
 * an external string): 50 of them for a 50 MB object, none collected before the request ended.
 */
export const WINDOW_BYTES = 64 * 1024;
const OVERLAP_BYTES = 4096;

/** Bytes of the runs the patterns look at (base64, `-`, `_`): a window never ends inside one when it can help it. */
function isRunByte(byte: number): boolean {
  return (
    (byte >= 0x30 && byte <= 0x39) ||
    (byte >= 0x41 && byte <= 0x5a) ||
    (byte >= 0x61 && byte <= 0x7a) ||
    byte === 0x2b ||
    byte === 0x2f ||
    byte === 0x3d ||
    byte === 0x2d ||
    byte === 0x5f
  );
}

/**
 * The windows of a layer: the layer itself when it is small. A window ends after the last
 * byte outside a run within its final OVERLAP_BYTES (so no run is cut into a shorter one
 * that could pass for a 40-character key), and the next starts OVERLAP_BYTES before that
 * end, on an even byte so that UTF-16 text keeps its alignment.
 */
function* windows(layer: Buffer): Generator<Buffer> {
  if (layer.length <= WINDOW_BYTES) {
    yield layer;
    return;
  }
  let start = 0;
  for (;;) {
    let end = Math.min(layer.length, start + WINDOW_BYTES);
    if (end < layer.length) {
      for (let i = end - 1; i > end - OVERLAP_BYTES; i--) {
        if (!isRunByte(layer[i]!)) {
          end = i + 1;
          break;
        }
      }
    }
    yield layer.subarray(start, end);
    if (end >= layer.length) return;
    start = (end - OVERLAP_BYTES) & ~1;
  }
}

/** Eight printable ASCII characters in a row as UTF-16 (LE or BE), seen in latin1: shorter than any secret. */
// eslint-disable-next-line no-control-regex -- NUL is the other half of every UTF-16 ASCII character: finding it is the point
const UTF16_RUN = /(?:[\x20-\x7e]\x00){8}|(?:\x00[\x20-\x7e]){8}/;

/**
 * The texts to scan for `bytes`, one at a time; `contentEncoding` is the message's header
 * value when the stored bytes are still encoded (undefined when tapegate already decoded
 * them). A small layer is read whole, and as UTF-16 whenever it holds a NUL byte. A large one
 * is read window by window (see WINDOW_BYTES), and a window as UTF-16 only when it holds
 * UTF-16 text at all: random binary has a NUL every 256 bytes, and reading 50 MB of it twice
 * more as UTF-16 found nothing but cost seconds.
 */
export function* eachTextView(bytes: Uint8Array, contentEncoding: string | undefined): Generator<string> {
  for (const layer of layers(bytes, contentEncoding)) {
    const whole = Buffer.from(layer.buffer, layer.byteOffset, layer.byteLength);
    const small = whole.length <= WINDOW_BYTES;
    for (const buffer of windows(whole)) {
      const text = buffer.toString('latin1');
      yield text;
      if (buffer.includes(0) && (small || UTF16_RUN.test(text))) {
        yield buffer.toString('utf16le');
        yield swapBytes(buffer).toString('utf16le');
      }
    }
  }
}

/** Every text view at once (tests, and callers that want them all). */
export function textViews(bytes: Uint8Array, contentEncoding: string | undefined): string[] {
  return [...eachTextView(bytes, contentEncoding)];
}
