/**
 * The members of a rest-protocol input or output that travel outside the body: URI labels
 * (`{Bucket}`, greedy `{Key+}`), query string parameters, headers (`location: header`, header
 * maps by prefix such as `x-amz-meta-`) and the status code. Read into and written from the
 * same neutral object the body members go to. Header timestamps are RFC 822 unless the model
 * says otherwise; header lists are comma-separated; `jsonvalue` headers are base64 JSON.
 */
import { appendPointer } from '../../core/json-pointer.js';
import { ownValue, setOwn } from '../../core/own.js';
import { parseRequestUri, decodeSegment, type Segment } from '../uri-template.js';
import type { WireIssue } from './issues.js';
import type { Shape, ShapeRef } from './model.js';
import { readScalar, writeScalar } from './scalars.js';
import type { ServiceShapes } from './service-shapes.js';

export interface HttpParts {
  /** Lower-case names. */
  headers: Readonly<Record<string, string>>;
  query?: Readonly<Record<string, readonly string[]>>;
  /** URI labels, already matched and decoded. */
  labels?: Readonly<Record<string, string>>;
  status?: number;
}

const templates = new Map<string, Segment[]>();

/**
 * The labels of `requestUri` in `path` (path style, percent-encoded), or null when the path does
 * not fit the template. A greedy label takes the rest of the path, slashes and a trailing one too.
 */
export function matchUriLabels(requestUri: string, path: string): Record<string, string> | null {
  let segments = templates.get(requestUri);
  if (segments === undefined) {
    segments = parseRequestUri(requestUri).segments;
    templates.set(requestUri, segments);
  }
  let rest = path.startsWith('/') ? path.slice(1) : path;
  const labels: Record<string, string> = {};
  for (const segment of segments) {
    if (segment.kind === 'label' && segment.greedy) {
      const value = decodeSegment(rest);
      if (rest === '' || value === null) return null;
      setOwn(labels, segment.name, value);
      rest = '';
      continue;
    }
    const slash = rest.indexOf('/');
    const piece = decodeSegment(slash < 0 ? rest : rest.slice(0, slash));
    rest = slash < 0 ? '' : rest.slice(slash + 1);
    if (piece === null || piece === '') return null;
    if (segment.kind === 'literal' && piece !== segment.value) return null;
    if (segment.kind === 'label') setOwn(labels, segment.name, piece);
  }
  return rest === '' ? labels : null;
}

function readHeaderValue(shapes: ServiceShapes, ref: ShapeRef, shape: Shape, text: string): { ok: true; value: unknown } | { ok: false; reason: string } {
  if (ref.jsonvalue) {
    try {
      return { ok: true, value: JSON.parse(Buffer.from(text, 'base64').toString('utf8')) as unknown };
    } catch {
      return { ok: false, reason: 'expected base64-encoded JSON' };
    }
  }
  if (shape.type === 'list') {
    const itemShape = shapes.target(shape.member as ShapeRef);
    const items: unknown[] = [];
    for (const part of text.split(',')) {
      const read = readScalar(itemShape, part.trim());
      if (!read.ok) return read;
      items.push(read.value);
    }
    return { ok: true, value: items };
  }
  return readScalar(shape, text);
}

/** Reads every located member of `structureName` from `parts` into `out`. */
export function readHttpMembers(shapes: ServiceShapes, structureName: string, parts: HttpParts, out: Record<string, unknown>, issues: WireIssue[]): void {
  for (const member of shapes.structure(structureName).members) {
    const { ref, shape } = member;
    const wireName = ref.locationName ?? member.name;
    const pointer = appendPointer('', member.name);
    const take = (text: string | undefined, wire: string): void => {
      if (text === undefined) return;
      const read = ref.location === 'header' ? readHeaderValue(shapes, ref, shape, text) : readScalar(shape, text);
      if (read.ok) setOwn(out, member.name, read.value);
      else issues.push({ code: 'invalid-value', pointer, wire, message: `${wire} is ${JSON.stringify(text)}: ${read.reason}` });
    };
    switch (ref.location) {
      case 'uri':
        take(parts.labels ? ownValue(parts.labels, wireName) : undefined, `uri label {${wireName}}`);
        break;
      case 'header':
        take(ownValue(parts.headers, wireName.toLowerCase()), `header ${wireName}`);
        break;
      case 'statusCode':
        if (parts.status !== undefined) setOwn(out, member.name, parts.status);
        break;
      case 'headers': {
        const prefix = wireName.toLowerCase();
        const map: Record<string, unknown> = {};
        for (const [name, value] of Object.entries(parts.headers)) if (name.startsWith(prefix) && name.length > prefix.length) setOwn(map, name.slice(prefix.length), value);
        if (Object.keys(map).length > 0) setOwn(out, member.name, map);
        break;
      }
      case 'querystring': {
        const values = parts.query ? ownValue(parts.query, wireName) : undefined;
        if (values === undefined) break;
        if (shape.type === 'list') {
          const items: unknown[] = [];
          const itemShape = shapes.target(shape.member as ShapeRef);
          for (const text of values) {
            const read = readScalar(itemShape, text);
            if (read.ok) items.push(read.value);
            else
              issues.push({
                code: 'invalid-value',
                pointer: appendPointer(pointer, items.length),
                wire: `query ${wireName}`,
                message: `query ${wireName} is ${JSON.stringify(text)}: ${read.reason}`,
              });
          }
          setOwn(out, member.name, items);
        } else take(values[0], `query ${wireName}`);
        break;
      }
    }
  }
}

export interface HttpWritten {
  headers: Record<string, string>;
  query: Record<string, string[]>;
  labels: Record<string, string>;
  status?: number;
}

function headerText(shapes: ServiceShapes, ref: ShapeRef, shape: Shape, value: unknown, pointer: string): string {
  if (ref.jsonvalue) return Buffer.from(JSON.stringify(value), 'utf8').toString('base64');
  const format = ref.timestampFormat ?? shape.timestampFormat ?? 'rfc822';
  if (shape.type === 'list' && Array.isArray(value)) {
    const itemRef = shape.member as ShapeRef;
    return value.map((item, i) => writeScalar(shapes.target(itemRef), item, appendPointer(pointer, i), format)).join(',');
  }
  return writeScalar(shape, value, pointer, format);
}

/** Writes every located member of `structureName` present in `value`. */
export function writeHttpMembers(shapes: ServiceShapes, structureName: string, value: Record<string, unknown>): HttpWritten {
  const written: HttpWritten = { headers: {}, query: {}, labels: {} };
  for (const member of shapes.structure(structureName).members) {
    const { ref, shape } = member;
    const item = Object.hasOwn(value, member.name) ? value[member.name] : undefined;
    if (item === undefined || ref.location === undefined) continue;
    const wireName = ref.locationName ?? member.name;
    const pointer = appendPointer('', member.name);
    switch (ref.location) {
      case 'uri':
        written.labels[wireName] = writeScalar(shape, item, pointer);
        break;
      case 'header':
        written.headers[wireName.toLowerCase()] = headerText(shapes, ref, shape, item, pointer);
        break;
      case 'statusCode':
        written.status = item as number;
        break;
      case 'headers':
        for (const [key, text] of Object.entries(item as Record<string, unknown>)) written.headers[`${wireName}${key}`.toLowerCase()] = String(text);
        break;
      case 'querystring':
        written.query[wireName] =
          shape.type === 'list' && Array.isArray(item)
            ? item.map((v, i) => writeScalar(shapes.target(shape.member as ShapeRef), v, appendPointer(pointer, i), 'iso8601'))
            : [writeScalar(shape, item, pointer, ref.timestampFormat ?? shape.timestampFormat ?? 'iso8601')];
        break;
    }
  }
  return written;
}
