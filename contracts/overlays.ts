/**
 * Overlays: rules the seed pages state but the botocore models do not, kept by hand in
 * `contracts/overlays/<service>.json` and applied to the validation schemas on load (never to
 * the diff schemas, which describe the model alone). A rule adds a schema to the node at its
 * `target` (a JSON Pointer into the contract file) as `allOf: [original, rule]`, so the
 * model's own constraints still apply and every failure still points at the member.
 *
 * An overlay file may also name `definitions`: schemas that several rules share, added to the
 * service's validation definitions and referred to as `{"$ref": "#/definitions/<name>"}`. Such
 * refs are made absolute (`<schemaId>#/definitions/<name>`) when applied, so they resolve from
 * an operation's part as well as from inside the definitions.
 */
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { TapegateError } from '../core/errors.js';
import { escapeSegment } from '../core/json-pointer.js';
import { setValidationDefinition, validationDefinition } from './format/expand.js';
import type { JsonSchema, ServiceContract } from './types.js';

export interface OverlayRule {
  id: string;
  /** Where the rule comes from (a seed page, a DESIGN.md wire fact). */
  source: string;
  /** JSON Pointer into the contract file, e.g. `/definitions/validation/PatchOperation/properties/path`. */
  target: string;
  schema: JsonSchema;
}

/**
 * A member that holds a secret although the model does not mark it `sensitive`, named in
 * the model's own vocabulary (botocore shape and member names). The generator reads these
 * (contracts/generator/sensitive-members.ts): every operation that reaches the member gets
 * its pointer in the contract's `sensitive` lists, and redaction replaces the value.
 *
 * `keep: true` is the other way round: a member the model marks `sensitive` that is the
 * user's own data a replay has to give back (Lambda's invocation payloads: replaced, a
 * replayed Invoke would answer every test `<redacted>`). It is not redacted; the secret
 * scanner still checks every byte of it, as it checks everything stored.
 */
export interface SensitiveOverlay {
  id: string;
  source: string;
  shape: string;
  member: string;
  keep?: boolean;
}

/**
 * The query protocol's wire names of a service that moved to json (`awsQueryCompatible`: SQS):
 * SDKs released before the move still send query forms and read XML answers, and the json
 * model dropped what the query codecs need to read them. `shapes` holds, by botocore shape
 * name, only the traits the json model lacks, in botocore's own layout: `locationName` and
 * `flattened` of the shape, of its `member`, `key` and `value`, and of its `members`; the
 * `error` trait (query code, status) of an error shape. The generator lays them over the json
 * model for the contract's query wire model (contracts/generator/query-wire.ts).
 */
export interface QueryWireOverlay {
  source: string;
  shapes: Record<string, QueryWireShape>;
}

export interface QueryWireTraits {
  locationName?: string;
  flattened?: boolean;
}

export interface QueryWireShape extends QueryWireTraits {
  member?: QueryWireTraits;
  key?: QueryWireTraits;
  value?: QueryWireTraits;
  members?: Record<string, QueryWireTraits>;
  error?: { code: string; httpStatusCode?: number; senderFault?: boolean };
}

export interface OverlayFile {
  service: string;
  /** Shared schemas, by a name no model definition has (they are prefixed `Tapegate`). */
  definitions?: Record<string, JsonSchema>;
  rules: OverlayRule[];
  sensitive?: SensitiveOverlay[];
  queryWire?: QueryWireOverlay;
}

export interface OverlayReport {
  applied: string[];
  /** Rules whose target this contract lacks (an older model, say): data, not an error. */
  unapplied: { id: string; service: string; apiVersion: string; target: string }[];
}

export function loadOverlays(dir: string): OverlayFile[] {
  if (!existsSync(dir)) return [];
  return readdirSync(dir)
    .filter((name) => name.endsWith('.json'))
    .sort()
    .map((name) => parseOverlayFile(join(dir, name)));
}

function parseOverlayFile(file: string): OverlayFile {
  let parsed: unknown;
  try {
    parsed = JSON.parse(readFileSync(file, 'utf8'));
  } catch (error) {
    throw new TapegateError(`Failed to load overlay "${file}": ${(error as Error).message}`, 2);
  }
  const overlay = parsed as Partial<OverlayFile>;
  if (typeof overlay.service !== 'string' || !Array.isArray(overlay.rules)) {
    throw new TapegateError(`Failed to load overlay "${file}": expected {"service": string, "rules": [...]}`, 2);
  }
  overlay.rules.forEach((rule, index) => {
    for (const key of ['id', 'source', 'target'] as const) {
      if (typeof rule[key] !== 'string') throw new TapegateError(`Failed to load overlay "${file}": /rules/${index}/${key} must be a string`, 2);
    }
    if (typeof rule.schema !== 'object' || rule.schema === null) {
      throw new TapegateError(`Failed to load overlay "${file}": /rules/${index}/schema must be an object`, 2);
    }
  });
  if (overlay.definitions !== undefined) {
    if (typeof overlay.definitions !== 'object' || overlay.definitions === null || Array.isArray(overlay.definitions)) {
      throw new TapegateError(`Failed to load overlay "${file}": /definitions must be an object of schemas`, 2);
    }
    for (const [name, schema] of Object.entries(overlay.definitions)) {
      if (typeof schema !== 'object' || schema === null) throw new TapegateError(`Failed to load overlay "${file}": /definitions/${name} must be an object`, 2);
    }
  }
  if (overlay.sensitive !== undefined) {
    if (!Array.isArray(overlay.sensitive)) throw new TapegateError(`Failed to load overlay "${file}": /sensitive must be an array`, 2);
    overlay.sensitive.forEach((entry, index) => {
      for (const key of ['id', 'source', 'shape', 'member'] as const) {
        if (typeof entry[key] !== 'string') throw new TapegateError(`Failed to load overlay "${file}": /sensitive/${index}/${key} must be a string`, 2);
      }
      if (entry.keep !== undefined && typeof entry.keep !== 'boolean') throw new TapegateError(`Failed to load overlay "${file}": /sensitive/${index}/keep must be a boolean`, 2);
    });
  }
  if (overlay.queryWire !== undefined) checkQueryWire(file, overlay.queryWire);
  return overlay as OverlayFile;
}

/** The query wire names are read by the generator as they are: every trait of the type botocore gives it. */
function checkQueryWire(file: string, queryWire: unknown): void {
  const fail = (pointer: string, expected: string): never => {
    throw new TapegateError(`Failed to load overlay "${file}": /queryWire${pointer} must be ${expected}`, 2);
  };
  const isObject = (value: unknown): value is Record<string, unknown> => typeof value === 'object' && value !== null && !Array.isArray(value);
  if (!isObject(queryWire)) return fail('', 'an object');
  if (typeof queryWire.source !== 'string') fail('/source', 'a string');
  if (!isObject(queryWire.shapes)) return fail('/shapes', 'an object of shapes');
  const checkTraits = (traits: unknown, pointer: string): void => {
    if (!isObject(traits)) return fail(pointer, 'an object');
    if (traits.locationName !== undefined && typeof traits.locationName !== 'string') fail(`${pointer}/locationName`, 'a string');
    if (traits.flattened !== undefined && typeof traits.flattened !== 'boolean') fail(`${pointer}/flattened`, 'a boolean');
  };
  for (const [name, shape] of Object.entries(queryWire.shapes)) {
    const at = `/shapes/${escapeSegment(name)}`;
    checkTraits(shape, at);
    const entry = shape as Record<string, unknown>;
    for (const key of ['member', 'key', 'value'] as const) if (entry[key] !== undefined) checkTraits(entry[key], `${at}/${key}`);
    if (entry.members !== undefined) {
      if (!isObject(entry.members)) fail(`${at}/members`, 'an object');
      for (const [member, traits] of Object.entries(entry.members as object)) checkTraits(traits, `${at}/members/${member}`);
    }
    if (entry.error !== undefined) {
      const error = entry.error;
      if (!isObject(error) || typeof error.code !== 'string') fail(`${at}/error/code`, 'a string');
      const { httpStatusCode, senderFault } = error as Record<string, unknown>;
      if (httpStatusCode !== undefined && !Number.isInteger(httpStatusCode)) fail(`${at}/error/httpStatusCode`, 'an integer');
      if (senderFault !== undefined && typeof senderFault !== 'boolean') fail(`${at}/error/senderFault`, 'a boolean');
    }
  }
}

export function applyOverlays(services: ServiceContract[], overlays: OverlayFile[]): OverlayReport {
  const report: OverlayReport = { applied: [], unapplied: [] };
  for (const overlay of overlays) {
    for (const service of services.filter((s) => s.service === overlay.service)) {
      const absolute = (schema: JsonSchema): JsonSchema => withAbsoluteRefs(schema, service.schemaId) as JsonSchema;
      for (const [name, schema] of Object.entries(overlay.definitions ?? {})) {
        // A model definition of the same name stays as it is: the overlay must not change what the model says.
        if (validationDefinition(service, name) !== undefined)
          report.unapplied.push({ id: `definitions/${name}`, service: service.service, apiVersion: service.apiVersion, target: `/definitions/validation/${name}` });
        else setValidationDefinition(service, name, absolute(schema));
      }
      for (const rule of overlay.rules) {
        if (wrap(service, rule.target, absolute(rule.schema))) report.applied.push(`${service.service}/${rule.id}`);
        else report.unapplied.push({ id: rule.id, service: service.service, apiVersion: service.apiVersion, target: rule.target });
      }
    }
  }
  return report;
}

function wrap(service: ServiceContract, pointer: string, extra: JsonSchema): boolean {
  const tokens = pointer
    .split('/')
    .slice(1)
    .map((t) => t.replace(/~1/g, '/').replace(/~0/g, '~'));
  const last = tokens.pop();
  if (last === undefined) return false;
  // Into a validation definition: that one alone is read (a service's definitions convert one at a time).
  let node: unknown = service;
  if (tokens[0] === 'definitions' && tokens[1] === 'validation') {
    const name = tokens.length === 2 ? last : tokens[2]!;
    const definition = validationDefinition(service, name);
    if (typeof definition !== 'object' || definition === null) return false;
    if (tokens.length === 2) {
      setValidationDefinition(service, name, { allOf: [definition, structuredClone(extra)] });
      return true;
    }
    node = definition;
    tokens.splice(0, 3);
  }
  for (const token of tokens) {
    if (typeof node !== 'object' || node === null) return false;
    node = (node as Record<string, unknown>)[token];
  }
  if (typeof node !== 'object' || node === null) return false;
  const parent = node as Record<string, unknown>;
  const original = parent[last];
  if (typeof original !== 'object' || original === null) return false;
  parent[last] = { allOf: [original, structuredClone(extra)] };
  return true;
}

/** A copy of `schema` whose `#/definitions/...` refs name the service schema they belong to. */
function withAbsoluteRefs(schema: unknown, schemaId: string): unknown {
  if (Array.isArray(schema)) return schema.map((item) => withAbsoluteRefs(item, schemaId));
  if (typeof schema !== 'object' || schema === null) return schema;
  const copy: Record<string, unknown> = {};
  for (const [key, value] of Object.entries(schema)) {
    copy[key] = key === '$ref' && typeof value === 'string' && value.startsWith('#/definitions/') ? `${schemaId}${value}` : withAbsoluteRefs(value, schemaId);
  }
  return copy;
}
