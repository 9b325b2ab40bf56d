/**
 * Plain objects used as maps of names that come from outside (query parameters, headers,
 * JSON members): every lookup must see own properties only. `query["constructor"]` on a
 * plain object is Object itself, and `record["__proto__"] = v` changes the prototype
 * instead of storing `v`. A Map would avoid both, but these objects are the cassette's own
 * shapes (msgpack, JSON), so they stay objects and go through these two helpers.
 */

/** The own value of `key`, never an inherited one (`constructor`, `toString`, `__proto__`, …). */
export function ownValue<V>(record: Readonly<Record<string, V>>, key: string): V | undefined {
  return Object.hasOwn(record, key) ? record[key] : undefined;
}

/** Stores `value` as an own, enumerable property, `__proto__` included. */
export function setOwn<V>(record: Record<string, V>, key: string, value: V): void {
  if (key === '__proto__') Object.defineProperty(record, key, { value, enumerable: true, writable: true, configurable: true });
  else record[key] = value;
}
