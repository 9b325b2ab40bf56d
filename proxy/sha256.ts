/**
 * SHA-256 and HMAC-SHA256 for `@smithy/signature-v4`, on node:crypto. The signer takes any
 * class with this shape (smithy's `Checksum`); the SDK's own implementations live in
 * packages tapegate does not depend on directly, and this is all they do on Node.
 */
import { createHash, createHmac, type Hash, type Hmac } from 'node:crypto';

type Data = string | ArrayBuffer | ArrayBufferView;

function bytesOf(data: Data): Buffer | string {
  if (typeof data === 'string') return data;
  if (ArrayBuffer.isView(data)) return Buffer.from(data.buffer, data.byteOffset, data.byteLength);
  return Buffer.from(data);
}

export class NodeSha256 {
  #hash: Hash | Hmac;

  /** With `secret`, an HMAC keyed by it; without, a plain hash. */
  constructor(private readonly secret?: Data) {
    this.#hash = this.#fresh();
  }

  update(data: Data): void {
    this.#hash.update(bytesOf(data));
  }

  digest(): Promise<Uint8Array> {
    return Promise.resolve(new Uint8Array(this.#hash.digest()));
  }

  reset(): void {
    this.#hash = this.#fresh();
  }

  #fresh(): Hash | Hmac {
    return this.secret === undefined ? createHash('sha256') : createHmac('sha256', bytesOf(this.secret));
  }
}
