/**
 * Schemas for values that travel as text: URI labels, query parameters and headers.
 * Numbers and booleans arrive as strings there, so their schemas are string patterns.
 */
import type { JsonSchema } from '../types.js';
import type { ShapeRef } from './botocore-model.js';
import { stringRules, type SchemaContext } from './shape-schema.js';

export type TextLocation = 'uri' | 'querystring' | 'header';

export function wireValueSchema(ref: ShapeRef, location: TextLocation, context: SchemaContext, name: string): JsonSchema {
  const shape = context.shapes[ref.shape];
  if (!shape) return {};
  switch (shape.type) {
    case 'string':
      return { type: 'string', ...stringRules(shape, context, name) };
    case 'integer':
    case 'long':
      return { type: 'string', pattern: '^-?[0-9]+$' };
    case 'float':
    case 'double':
      return { type: 'string', pattern: '^-?[0-9]+(\\.[0-9]+)?([eE][-+]?[0-9]+)?$' };
    case 'boolean':
      return { type: 'string', enum: ['true', 'false'] };
    case 'timestamp': {
      // rest-json: ISO 8601 in URIs and query strings, RFC 822 (HTTP-date) in headers.
      const format = ref.timestampFormat ?? shape.timestampFormat ?? (location === 'header' ? 'rfc822' : 'iso8601');
      if (format === 'iso8601') return { type: 'string', format: 'date-time' };
      if (format === 'unixTimestamp') return { type: 'string', pattern: '^[0-9]+(\\.[0-9]+)?$' };
      return { type: 'string' };
    }
    case 'list':
      // A list in the query string is the parameter repeated; in a header, a comma-joined string.
      if (location === 'querystring') return { type: 'array', items: wireValueSchema(shape.member!, location, context, name) };
      return { type: 'string' };
    case 'blob':
      return { type: 'string' };
    default:
      return {};
  }
}
