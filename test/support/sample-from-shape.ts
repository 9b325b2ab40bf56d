/**
 * Neutral values built from botocore shapes (the wire codecs' neutral form), and the bridge
 * between that form and the AWS SDK for JavaScript v3's own values: the SDK takes and returns
 * `Date`s and `Uint8Array`s where the neutral form has ISO 8601 and base64 strings.
 *
 * A sample fills every member once (unions: their first member), lists with two items, maps
 * with two entries; strings carry the characters that need escaping in forms and XML
 * (`& < > + % é`) except where they travel in an HTTP header, the URI or the query string.
 */
import type { ShapeRef } from '../../contracts/wire/model.js';
import { isoTimestamp } from '../../contracts/wire/scalars.js';
import type { ServiceShapes } from '../../contracts/wire/service-shapes.js';

export const SAMPLE_TIMESTAMP = '2024-05-06T07:08:09Z';
export const SAMPLE_BLOB_BASE64 = Buffer.from('tapegate blob').toString('base64');

export interface ShapeSampleOptions {
  /** Below this depth structures are left out (recursive shapes). Default 8. */
  maxDepth?: number;
  /** Members left out, as `Shape.member` (SDK-managed members, streaming payloads). */
  skip?: ReadonlySet<string>;
}

export function sampleShape(shapes: ServiceShapes, ref: ShapeRef, options: ShapeSampleOptions = {}): unknown {
  return sample(shapes, ref, options, 0, 'value', false);
}

function sample(shapes: ServiceShapes, ref: ShapeRef, options: ShapeSampleOptions, depth: number, name: string, plain: boolean): unknown {
  const shape = shapes.target(ref);
  switch (shape.type) {
    case 'structure': {
      if (depth > (options.maxDepth ?? 8)) return undefined;
      const out: Record<string, unknown> = {};
      const union = (shape as { union?: boolean }).union === true;
      for (const [memberName, memberRef] of Object.entries(shape.members ?? {})) {
        if (options.skip?.has(`${ref.shape}.${memberName}`) || memberRef.location === 'statusCode') continue;
        const memberShape = shapes.target(memberRef);
        if (memberShape.streaming || memberShape.eventstream || memberRef.streaming) continue;
        const value = sample(shapes, memberRef, options, depth + 1, memberName, plain || memberRef.location !== undefined);
        if (value === undefined) continue;
        out[memberName] = value;
        if (union) break;
      }
      return out;
    }
    case 'list': {
      const items = [0, 1].map((i) => sample(shapes, shape.member as ShapeRef, options, depth + 1, `${name}${i + 1}`, plain));
      return items.every((item) => item !== undefined) ? items : [];
    }
    case 'map': {
      const out: Record<string, unknown> = {};
      for (const key of ['k1', 'k2']) {
        const value = sample(shapes, shape.value as ShapeRef, options, depth + 1, key, plain);
        if (value !== undefined) out[key] = value;
      }
      return out;
    }
    case 'string':
      if (shape.enum?.[0] !== undefined) return shape.enum[0];
      return plain ? `${name}-1` : `${name} & <x> +% é`;
    case 'integer':
      return 7;
    case 'long':
      return 1234567890123;
    case 'float':
    case 'double':
      return 1.5;
    case 'boolean':
      return true;
    case 'timestamp':
      return SAMPLE_TIMESTAMP;
    case 'blob':
      return SAMPLE_BLOB_BASE64;
  }
}

/** The SDK's input for a neutral value: timestamps as `Date`s, blobs as bytes. */
export function toSdkValue(shapes: ServiceShapes, ref: ShapeRef, value: unknown): unknown {
  const shape = shapes.target(ref);
  if (value === undefined || value === null) return value;
  switch (shape.type) {
    case 'structure': {
      const out: Record<string, unknown> = {};
      for (const [key, item] of Object.entries(value as Record<string, unknown>)) {
        const memberRef = shape.members?.[key];
        out[key] = memberRef ? toSdkValue(shapes, memberRef, item) : item;
      }
      return out;
    }
    case 'list':
      return (value as unknown[]).map((item) => toSdkValue(shapes, shape.member as ShapeRef, item));
    case 'map':
      return Object.fromEntries(Object.entries(value as Record<string, unknown>).map(([k, v]) => [k, toSdkValue(shapes, shape.value as ShapeRef, v)]));
    case 'timestamp':
      return new Date(value as string);
    case 'blob':
      return new Uint8Array(Buffer.from(value as string, 'base64'));
    default:
      return value;
  }
}

/** The neutral form of an SDK value: `Date` → ISO 8601, bytes → base64, `$metadata` and undefined members dropped. */
export function fromSdkValue(value: unknown): unknown {
  if (value instanceof Date) return isoTimestamp(value);
  if (value instanceof Uint8Array) return Buffer.from(value).toString('base64');
  if (Array.isArray(value)) return value.map(fromSdkValue);
  if (typeof value === 'object' && value !== null) {
    const out: Record<string, unknown> = {};
    for (const [key, item] of Object.entries(value)) if (key !== '$metadata' && item !== undefined) out[key] = fromSdkValue(item);
    return out;
  }
  return value;
}
