/**
 * A sampled S3 input the SDK can send to a loopback server: every member of the operation's
 * input sampled from botocore's model, except those the SDK computes itself (each test says
 * which: the wire codecs' test keeps more of them than the contracts' test), with one fixed
 * bucket and a key that needs escaping (`dir/a b+c.txt`), so requests can be checked by name.
 */
import type { ServiceShapes } from '../../contracts/wire/service-shapes.js';
import { sampleShape } from './sample-from-shape.js';

const SAMPLE_BUCKET = 'tapegate-bucket';

/** The neutral (botocore-shaped) input; `{}` for an operation without one. */
export function sampleS3Input(shapes: ServiceShapes, name: string, isSdkManaged: (member: string) => boolean): Record<string, unknown> {
  const operation = shapes.operation(name)!;
  if (!operation.input) return {};
  const input = sampleShape(shapes, operation.input) as Record<string, unknown>;
  for (const key of Object.keys(input)) if (isSdkManaged(key)) delete input[key];
  if ('Bucket' in input) input.Bucket = SAMPLE_BUCKET;
  if ('Key' in input) input.Key = 'dir/a b+c.txt';
  return input;
}
