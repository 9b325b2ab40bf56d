/**
 * Reading request bodies the way AWS's front end does: hand-written checks per operation
 * (deliberately not the project's contracts, which the fake is there to test), failing with
 * a 400 BadRequestException whose message follows AWS's "validation error detected" form.
 */
import { badRequest } from './aws-error.js';

export type JsonObject = Record<string, unknown>;

/** The parsed JSON object of a request body; an empty body is `{}`. */
export function parseJsonBody(bytes: Buffer): JsonObject {
  if (bytes.length === 0) return {};
  let value: unknown;
  try {
    value = JSON.parse(bytes.toString('utf8'));
  } catch (error) {
    throw badRequest(`Could not parse request body into json: ${(error as Error).message}`);
  }
  if (typeof value !== 'object' || value === null || Array.isArray(value)) {
    throw badRequest('Could not parse request body into json: the body is not a JSON object');
  }
  return value as JsonObject;
}

const violation = (name: string, value: string | number | undefined, constraint: string) =>
  badRequest(`1 validation error detected: Value ${value === undefined ? 'null' : `'${String(value)}'`} at '${name}' failed to satisfy constraint: ${constraint}`);

export function optionalString(body: JsonObject, name: string): string | undefined {
  const value = body[name];
  if (value === undefined || value === null) return undefined;
  if (typeof value !== 'string') throw violation(name, JSON.stringify(value), 'Member must be a string');
  return value;
}

export function requiredString(body: JsonObject, name: string): string {
  const value = optionalString(body, name);
  if (value === undefined) throw violation(name, undefined, 'Member must not be null');
  return value;
}

export function optionalEnum<T extends string>(body: JsonObject, name: string, values: readonly T[]): T | undefined {
  const value = optionalString(body, name);
  if (value !== undefined && !(values as readonly string[]).includes(value)) {
    throw violation(name, value, `Member must satisfy enum value set: [${values.join(', ')}]`);
  }
  return value as T | undefined;
}

export function requiredEnum<T extends string>(body: JsonObject, name: string, values: readonly T[]): T {
  const value = optionalEnum(body, name, values);
  if (value === undefined) throw violation(name, undefined, 'Member must not be null');
  return value;
}

export function optionalBoolean(body: JsonObject, name: string): boolean | undefined {
  const value = body[name];
  if (value === undefined || value === null) return undefined;
  if (typeof value !== 'boolean') throw violation(name, JSON.stringify(value), 'Member must be a boolean');
  return value;
}

export function optionalInteger(body: JsonObject, name: string, min: number, max: number): number | undefined {
  const value = body[name];
  if (value === undefined || value === null) return undefined;
  if (typeof value !== 'number' || !Number.isInteger(value)) throw violation(name, JSON.stringify(value), 'Member must be an integer');
  if (value < min || value > max) throw violation(name, value, `Member must be between ${min} and ${max}`);
  return value;
}

function optionalMap<V>(body: JsonObject, name: string, isValue: (v: unknown) => v is V, what: string): Record<string, V> | undefined {
  const value = body[name];
  if (value === undefined || value === null) return undefined;
  if (typeof value !== 'object' || Array.isArray(value) || !Object.values(value).every(isValue)) {
    throw violation(name, JSON.stringify(value), `Member must be a map of string to ${what}`);
  }
  return { ...(value as Record<string, V>) };
}

const isString = (v: unknown): v is string => typeof v === 'string';
const isBoolean = (v: unknown): v is boolean => typeof v === 'boolean';

export const optionalStringMap = (body: JsonObject, name: string) => optionalMap(body, name, isString, 'string');

export const optionalBooleanMap = (body: JsonObject, name: string) => optionalMap(body, name, isBoolean, 'boolean');

export function optionalStringList(body: JsonObject, name: string): string[] | undefined {
  const value = body[name];
  if (value === undefined || value === null) return undefined;
  if (!Array.isArray(value) || !value.every(isString)) throw violation(name, JSON.stringify(value), 'Member must be a list of strings');
  return [...value];
}

/** Copies the members of `from` that are not undefined, so wire objects carry no `undefined`. */
export function defined(from: JsonObject): JsonObject {
  return Object.fromEntries(Object.entries(from).filter(([, value]) => value !== undefined));
}
