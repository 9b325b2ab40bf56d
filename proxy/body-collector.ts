/**
 * Where a body's bytes go while they arrive (a request body in the read step, an upstream
 * answer in the forwarder), so that a body is held once and never joined from its chunks:
 *
 * - with a declared length, into one buffer of that size, chunk by chunk;
 * - with a declared length that recorded bodies have too (replay, auto: `known`), nowhere
 *   while the bytes equal one of them: the body then is that recorded body, which the
 *   cassette holds already. Only where the bytes first differ is a buffer of their own
 *   made (the part before copied from the recorded body it equalled so far);
 * - without a length (chunked), in a list while small; once past RESERVE_AFTER_BYTES into a
 *   buffer as large as the limit. Joining the chunks at the end would hold the body twice;
 *   a buffer that large costs address space only, since the system gives memory to its
 *   pages as they are written, and no more is written than the body.
 */
import { constants } from 'node:buffer';

/** An unknown length is collected in chunks up to here; past it, into a buffer of the limit's size. */
export const RESERVE_AFTER_BYTES = 1024 * 1024;

export type Added =
  | 'ok'
  /** More than the limit, or than the declared length: nothing more is kept. */
  | 'too-large';

const asBuffer = (bytes: Uint8Array): Buffer => (Buffer.isBuffer(bytes) ? bytes : Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength));

export class BodyCollector {
  #size = 0;
  /** The buffer the bytes are copied into, once there is one. */
  #whole: Buffer | null = null;
  /** An unknown length's chunks before the reserve. */
  #chunks: Buffer[] = [];
  /** Recorded bodies of the declared length equal to every byte so far; empty once none is. */
  #same: Buffer[];
  readonly #capacity: number;
  #reserveRefused = false;

  /** `declared`: the length the message declares, or null (chunked); `known`: recorded bodies it may equal. */
  constructor(
    private readonly declared: number | null,
    limit: number,
    known: readonly Uint8Array[] = [],
  ) {
    this.#capacity = Math.min(declared ?? limit, limit, constants.MAX_LENGTH);
    this.#same = declared === null ? [] : known.filter((body) => body.length === declared).map(asBuffer);
    if (declared !== null && this.#same.length === 0) this.#whole = Buffer.allocUnsafe(this.#capacity);
  }

  get size(): number {
    return this.#size;
  }

  add(chunk: Buffer): Added {
    const size = this.#size;
    if (size + chunk.length > this.#capacity) {
      this.#chunks = [];
      this.#same = [];
      this.#whole = null;
      return 'too-large';
    }
    if (this.#same.length > 0) this.#compare(chunk, size);
    else if (this.#whole !== null) chunk.copy(this.#whole, size);
    else this.#collect(chunk, size);
    this.#size = size + chunk.length;
    return 'ok';
  }

  /** The bytes so far: the recorded body they equal, or a view of the one buffer, or the few chunks joined. */
  bytes(): Buffer {
    const size = this.#size;
    const same = this.#same[0];
    if (same !== undefined) return size === same.length ? same : Buffer.from(same.subarray(0, size));
    if (this.#whole !== null) return this.#whole.subarray(0, size);
    return this.#chunks.length === 1 ? (this.#chunks[0] as Buffer) : Buffer.concat(this.#chunks, size);
  }

  #compare(chunk: Buffer, at: number): void {
    const before = this.#same[0] as Buffer;
    this.#same = this.#same.filter((body) => chunk.equals(body.subarray(at, at + chunk.length)));
    if (this.#same.length > 0) return;
    // The first difference: from here on the body is its own. What came before equals `before`.
    const whole = Buffer.allocUnsafe(this.#capacity);
    before.copy(whole, 0, 0, at);
    chunk.copy(whole, at);
    this.#whole = whole;
  }

  #collect(chunk: Buffer, size: number): void {
    this.#chunks.push(chunk);
    if (size + chunk.length <= RESERVE_AFTER_BYTES || this.#reserveRefused) return;
    let whole: Buffer;
    try {
      whole = Buffer.allocUnsafe(this.#capacity);
    } catch {
      // No address space for the limit (a huge --max-body, a system that commits what is
      // asked): the chunks are kept and joined at the end, as before there was a reserve.
      this.#reserveRefused = true;
      return;
    }
    let at = 0;
    for (const part of this.#chunks) at += part.copy(whole, at);
    this.#chunks = [];
    this.#whole = whole;
  }
}
