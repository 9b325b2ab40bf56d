/**
 * The cassette file format: names, constants and the header type. The byte layout is
 * documented in docs/cassette-format.md; codec.ts writes and reads it.
 */
import type { Exchange } from '../../core/exchange.js';

/** `format` field of every header. Frozen forever, like the magic bytes and the framing. */
export const CASSETTE_FORMAT = 'tapegate-cassette';

/**
 * The newest format version this tapegate reads and the one it writes. 2 added the end
 * record (see codec.ts): a finished cassette cut at a record boundary is told apart from a
 * whole one. Version 1 files (no end record) are still read. 3 added the exchange's optional
 * `service` (the SigV4 credential scope's service) and `unsigned` (an emulator's own call,
 * forwarded unsigned); 1 and 2 are read without them. 4 added blob records (large byte
 * bodies as records of their own, blobs.ts) and an event stream's frames beside its bytes.
 * 5 added a request's optional `addressing` (`virtual-hosted`: an S3 request that named its
 * bucket in the Host, kept path-style); 1 to 4 are read without it.
 */
export const CASSETTE_FORMAT_VERSION = 5;

/** The first version that may hold blob records (blobs.ts). */
export const BLOBS_SINCE = 4;

/** The first version whose finished cassettes close with an end record. */
export const END_RECORD_SINCE = 2;

export const CASSETTE_EXTENSION = '.cassette';

/** The journal sits beside the cassette while recording: `<name>.cassette.journal`. */
export const JOURNAL_SUFFIX = '.journal';

/**
 * The first 8 bytes of every cassette and journal, PNG-style: a high byte so the file is
 * never taken for text, the letters TGC, then CR LF, ^Z, LF so that a newline-translating
 * copy or a truncating text tool shows up as a bad signature instead of subtle corruption.
 */
export const CASSETTE_MAGIC: Readonly<Uint8Array> = Uint8Array.of(0x89, 0x54, 0x47, 0x43, 0x0d, 0x0a, 0x1a, 0x0a);

/** A service whose traffic the cassette holds, and the contract it was checked against. */
export interface ServiceUse {
  /** botocore service name: `apigateway`, `apigatewayv2`. */
  service: string;
  /** `2015-07-09`, `2018-11-29`. */
  apiVersion: string;
  /** sha256 (hex) of the contract file in use when recording, when known. */
  contractSha256?: string;
}

/** Record 0 of every cassette. */
export interface CassetteHeader {
  format: typeof CASSETTE_FORMAT;
  formatVersion: number;
  /** Version of the tapegate that wrote the cassette (package.json `version`). */
  toolVersion: string;
  /** ISO 8601 time the recording started. */
  createdAt: string;
  services: ServiceUse[];
  /**
   * How the recording redacted what it wrote, where a reader must do the same to a live
   * request before matching (`accountIds`: ids were written as placeholders). Absent: none.
   */
  redaction?: { accountIds: boolean };
}

export interface Cassette {
  header: CassetteHeader;
  exchanges: Exchange[];
}

/** A header for a new cassette written by this tapegate. */
export function createHeader(options: { toolVersion: string; services: ServiceUse[]; createdAt?: Date }): CassetteHeader {
  return {
    format: CASSETTE_FORMAT,
    formatVersion: CASSETTE_FORMAT_VERSION,
    toolVersion: options.toolVersion,
    createdAt: (options.createdAt ?? new Date()).toISOString(),
    services: options.services.map((use) => ({ ...use })),
  };
}

export function journalPathFor(cassetteFile: string): string {
  return cassetteFile + JOURNAL_SUFFIX;
}
