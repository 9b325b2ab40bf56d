/**
 * The data drift produces: changes (never exceptions) and the report that carries them.
 * A change says where (operation, side, JSON Pointer into the wire message), what
 * (before/after, a code) and what it means for a client (severity, one sentence).
 */

/** How much a change matters to a client: `breaking` fails CI by default. */
export type DriftSeverity = 'breaking' | 'warn' | 'info';

/** Which message the pointer points into: the request, the success response, or an error response. */
export type DriftSide = 'request' | 'response' | 'error';

/**
 * Which way the set of messages AWS accepts (request) or sends (response) moved:
 * `added` = more messages than before, `removed` = fewer, `both` = some of each.
 */
export type Direction = 'added' | 'removed' | 'both';

export type DriftCode =
  // operation level
  | 'operation-added'
  | 'operation-removed'
  | 'method-changed'
  | 'uri-changed'
  | 'success-status-changed'
  | 'error-added'
  | 'error-removed'
  | 'error-status-changed'
  | 'body-kind-changed'
  // schema level (contracts against contracts)
  | 'member-added'
  | 'required-member-added'
  | 'member-removed'
  | 'member-required'
  | 'member-optional'
  | 'type-changed'
  | 'enum-value-added'
  | 'enum-value-removed'
  | 'enum-constraint-added'
  | 'enum-constraint-removed'
  | 'const-changed'
  | 'pattern-changed'
  | 'format-changed'
  | 'limit-changed'
  | 'schema-widened'
  | 'schema-narrowed'
  | WireCode
  // recorded traffic (cassettes)
  | 'operation-unknown'
  /** tapegate's validator failed on a recorded exchange: it could not be checked. */
  | 'exchange-unchecked'
  | 'exchange-invalid'
  | 'field-unknown'
  | 'enum-value-unknown'
  | 'status-changed'
  | 'error-type-changed'
  | 'field-added'
  | 'field-gone'
  | 'field-renamed'
  | 'value-type-changed'
  | 'enum-like-value-changed'
  | 'exchange-gone'
  | 'exchange-new';

/** Wire level (contracts against contracts): how members travel, the neutral schema unchanged. */
export type WireCode =
  /** The service's protocol (or json version): every request and answer is spelled another way. */
  | 'protocol-changed'
  /** json: the `X-Amz-Target` prefix. */
  | 'target-prefix-changed'
  /** json: `awsQueryCompatible` on or off (the query error code in `x-amzn-query-error`). */
  | 'query-compatible-changed'
  /** An XML element, form key, header, query parameter, list item, map key or value, result wrapper or root element name. */
  | 'wire-name-changed'
  /** A member moved between the body, a header, the query string, the URI, the status code or the payload. */
  | 'location-changed'
  | 'flattened-changed'
  | 'xml-attribute-changed'
  | 'xml-namespace-changed'
  | 'timestamp-format-changed'
  /** query and rest-xml: the code an error shape is sent with (`<Code>`), which the SDKs map to the exception. */
  | 'error-code-changed';

/**
 * A wire change as the comparisons find it, before it is a DriftChange (wire-change.ts makes
 * it one; wire-messages.ts words it).
 */
export interface RawWireChange {
  code: WireCode;
  /** Into the message as the contracts check it: `/body/Owner/ID`, `/headers/etag`, `/query/prefix`; `*` for any item or map key. */
  pointer: string;
  /** The member by its model names (`*` for a list item or map value), for the sentence; empty for the message itself. */
  path: string[];
  before: unknown;
  after: unknown;
  /** How `before` and `after` read on the wire (`<Key>`, `header "ETag"`), when they are names or places. */
  spelled?: { before: string; after: string };
  /** error-code-changed: the error shape whose code changed. */
  shape?: string;
  /** Pointers (same side) where the schema diff reports what this change is the cause of. */
  explains?: string[];
}

export interface DriftChange {
  /** `service.Operation`. */
  operation: string;
  side: DriftSide;
  /**
   * RFC 6901 pointer into the wire message: `/body/contentHandling`, `/query/limit`,
   * `/headers/x-api-key`, `/path/restapi_id`, `/status`, `/method`. `*` stands for any
   * array index or map key. `""` is the whole message (an operation or error added, say).
   */
  pointer: string;
  /** What A had there (null when nothing). */
  before: unknown;
  /** What B has there (null when nothing). */
  after: unknown;
  severity: DriftSeverity;
  code: DriftCode;
  /** One plain sentence: what the change means for a client. */
  message: string;
  /** For `side: 'error'`: the error type (`NotFoundException`). */
  errorType?: string;
  /** For recorded traffic: where it shows (the first few exchanges, by cassette and `seq`). */
  exchanges?: ExchangeRef[];
  /** For recorded traffic: how many exchanges show it in all. */
  count?: number;
}

export interface ExchangeRef {
  /** The cassette's file name as given (or relative to the folder given). */
  cassette: string;
  seq: number;
}

export type DriftKind = 'contracts' | 'cassette-contracts' | 'cassettes';

export interface DriftReport {
  kind: DriftKind;
  /** The first line of every format: what was compared with what. */
  title: string;
  /** Things worth knowing that are not changes (services not compared, say). */
  notes: string[];
  /** Every operation compared, so reports can say which ones did not change. */
  operations: string[];
  changes: DriftChange[];
}

export interface DriftOptions {
  /** Treat a response addition as breaking (clients that refuse unknown fields or values). */
  strictResponses?: boolean;
}

/**
 * Who watches a comparison as it goes: the CLI streams its text report and shows progress.
 * A promise returned by `title` or `changes` is awaited before the comparison goes on, so a
 * slow reader of the report holds it back instead of the report piling up in memory.
 */
export interface DriftListener {
  /** The report's first line, before anything is compared. */
  title?(title: string): unknown;
  /** Service pair `index` (from 0) of `total` is about to be compared. */
  progress?(index: number, total: number, service: string): void;
  /** The changes of one service pair as soon as it is compared (for cassettes: all of them at the end). */
  changes?(changes: DriftChange[]): unknown;
}
