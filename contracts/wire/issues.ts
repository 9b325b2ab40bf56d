/**
 * What a codec reports about a wire form that does not follow the protocol: data, never an
 * exception (an exception is only for a tool failure, such as a model the codecs cannot read).
 * The validator turns these into findings later, beside its schema findings.
 */

export type WireIssueCode =
  /** The body is not well-formed XML (or holds more than one root element). */
  | 'invalid-xml'
  /** The XML declares a DOCTYPE: refused, so no entity it declares is ever expanded. */
  | 'xml-doctype'
  /** The XML nests deeper than the codecs read. */
  | 'xml-too-deep'
  /** A form-encoded body or a percent escape that does not decode. */
  | 'invalid-form'
  /** A query list index that is not 1, 2, 3, …: `member.0`, `member.x`, `member.01`. */
  | 'invalid-list-index'
  /** A query list whose indices skip a number (`member.1`, `member.3`). */
  | 'list-index-gap'
  /** A query map entry without its key or without its value. */
  | 'incomplete-map-entry'
  /** The same map key twice, or the same form key twice. */
  | 'duplicate-key'
  /** A form key, XML element or attribute that is no member of the shape. */
  | 'unknown-member'
  /** A value that does not parse as its shape's type (a number, boolean, timestamp, base64). */
  | 'invalid-value'
  /** A query request without `Action`, or whose `Action` the service does not have. */
  | 'unknown-action'
  /** A query request whose `Version` is not the model's `apiVersion`. */
  | 'version-mismatch'
  /** A rest request path that does not fit its operation's URI template. */
  | 'uri-mismatch'
  /** An error answer without an error code. */
  | 'missing-error-code';

export interface WireIssue {
  code: WireIssueCode;
  /** JSON Pointer into the neutral value (`/Tags/0/Key`); `""` for the whole value. */
  pointer: string;
  /** Where on the wire: the form key (`Tags.member.0.Key`), the XML path (`Tagging/TagSet/Tag`), a header or query name. */
  wire?: string;
  message: string;
}

/** A neutral value and what was wrong with the wire form it came from. */
export interface Decoded<T = unknown> {
  /** Undefined when nothing could be read (bad XML, no body). */
  value: T | undefined;
  issues: WireIssue[];
}
