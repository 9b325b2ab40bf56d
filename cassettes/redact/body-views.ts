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
 * The texts to scan for `bytes`; `contentEncoding` is the message's header value when the
 * stored bytes are still encoded (undefined when tapegate already decoded them).
 */
export function textViews(bytes: Uint8Array, contentEncoding: string | undefined): string[] {
  const texts: string[] = [];
  for (const layer of layers(bytes, contentEncoding)) {
    const buffer = Buffer.from(layer.buffer, layer.byteOffset, layer.byteLength);
    texts.push(buffer.toString('latin1'));
    if (buffer.includes(0)) {
      texts.push(buffer.toString('utf16le'));
      texts.push(swapBytes(buffer).toString('utf16le'));
    }
  }
  return texts;
}
