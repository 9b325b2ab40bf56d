/**
 * Where a recorded element or key that the contracts do not know sits in the body, and, when its
 * name is a member's model name the member no longer travels under, that member: what
 * cassette-against-contracts drift reports as `wire-name-changed`. Found for XML and form bodies by
 * recorded-wire-name.ts, for JSON bodies by recorded-json-name.ts.
 */

export interface RecordedUnderOldName {
  /** The member's model name, which is also the name it was recorded under. */
  member: string;
  /** Its wire name in the contracts. */
  wireName: string;
  /** `xml` for answers and rest-xml requests, `form` for query requests, `json` for rest-json and json bodies. */
  syntax: 'xml' | 'form' | 'json';
}

export interface RecordedPlace {
  /** The pointer with list indices as `*`. */
  pointer: string;
  /** Set when the last segment is a member's model name it no longer travels under. */
  renamed?: RecordedUnderOldName;
}
