/**
 * The large request bodies a cassette holds, by length, for the read step (replay, auto):
 * an incoming body equal to one of them is that body, not a second copy of it
 * (body-collector.ts). A replayed PutObject of a 50 MB object would otherwise be held twice,
 * once in the cassette and once as it arrived.
 *
 * Only bodies kept as their bytes count: JSON is stored parsed, and a compressed body is
 * stored decompressed, so neither is the bytes a client sends. Small bodies are left out:
 * copying them costs less than comparing.
 */
import { BLOB_MIN_BYTES } from '../cassettes/format/blobs.js';
import type { Exchange } from '../core/exchange.js';

export class KnownBodies {
  readonly #byLength = new Map<number, Uint8Array[]>();

  constructor(exchanges: readonly Exchange[]) {
    for (const { request } of exchanges) {
      const body = request.body;
      if (body.kind !== 'bytes' || body.encoding !== undefined || body.bytes.length < BLOB_MIN_BYTES) continue;
      const same = this.#byLength.get(body.bytes.length);
      // The same bytes put twice are one blob in the cassette, and one candidate here.
      if (same === undefined) this.#byLength.set(body.bytes.length, [body.bytes]);
      else if (!same.some((known) => known.buffer === body.bytes.buffer && known.byteOffset === body.bytes.byteOffset)) same.push(body.bytes);
    }
  }

  /** The recorded bodies `length` bytes long (none for a small length). */
  withLength(length: number): readonly Uint8Array[] {
    return this.#byLength.get(length) ?? [];
  }
}
