/**
 * One side of a schema comparison: the `definitions` that `$ref: "#/definitions/Name"`
 * points into, with ref resolution and fingerprints. Two nodes with the same fingerprint
 * accept the same values whatever their refs are called, so the walkers skip them whole:
 * that is what keeps a drift of mostly unchanged contracts fast.
 */
import { createHash } from 'node:crypto';
import { TapegateError } from '../core/errors.js';
import type { JsonSchema } from '../contracts/types.js';

export type SchemaNode = JsonSchema | boolean;

const REF_PREFIX = '#/definitions/';

export class SchemaSide {
  private readonly fingerprints = new Map<string, string>();

  constructor(
    readonly definitions: Record<string, JsonSchema>,
    /** Names the contracts in error messages. */
    readonly label: string,
  ) {}

  /** The definition name a `$ref` node points to, else undefined. */
  refName(node: unknown): string | undefined {
    if (!isObject(node) || typeof node.$ref !== 'string') return undefined;
    const ref = node.$ref;
    if (!ref.startsWith(REF_PREFIX)) {
      throw new TapegateError(`Failed to compare contracts "${this.label}": $ref "${ref}" is not an internal #/definitions/ reference`, 2);
    }
    return ref.slice(REF_PREFIX.length).replace(/~1/g, '/').replace(/~0/g, '~');
  }

  /** Follows `$ref`s to the schema they name; other nodes come back as they are. */
  resolve(node: unknown): SchemaNode {
    let current = node;
    for (let hops = 0; hops < 64; hops++) {
      const name = this.refName(current);
      if (name === undefined) return typeof current === 'boolean' ? current : isObject(current) ? current : {};
      const target = this.definitions[name];
      if (target === undefined) {
        throw new TapegateError(`Failed to compare contracts "${this.label}": $ref "#/definitions/${name}" names no definition`, 2);
      }
      current = target;
    }
    throw new TapegateError(`Failed to compare contracts "${this.label}": $ref chain too long (circular?)`, 2);
  }

  /** A digest of everything the node accepts, refs replaced by the digests of their targets. */
  fingerprint(node: unknown): string {
    const name = this.refName(node);
    if (name !== undefined) return this.definitionFingerprint(name);
    return digest(canonical(node, (ref) => this.definitionFingerprint(ref), (n) => this.refName(n)));
  }

  private definitionFingerprint(name: string): string {
    const known = this.fingerprints.get(name);
    if (known !== undefined) return known;
    // A placeholder first: a cycle (the generator cuts them, a hand-edited file may not) ends here.
    this.fingerprints.set(name, `cycle:${name}`);
    const target = this.definitions[name];
    if (target === undefined) {
      throw new TapegateError(`Failed to compare contracts "${this.label}": $ref "#/definitions/${name}" names no definition`, 2);
    }
    const value = this.fingerprint(target);
    this.fingerprints.set(name, value);
    return value;
  }
}

export function isObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function digest(text: string): string {
  return text.length <= 64 ? text : createHash('sha1').update(text).digest('base64');
}

/** JSON with sorted keys (member order is not meaning) and refs replaced by target digests. */
function canonical(node: unknown, refDigest: (name: string) => string, refName: (node: unknown) => string | undefined): string {
  if (Array.isArray(node)) return `[${node.map((item) => canonical(item, refDigest, refName)).join(',')}]`;
  if (!isObject(node)) return JSON.stringify(node) ?? 'null';
  const name = refName(node);
  if (name !== undefined) return `{"$ref":${JSON.stringify(refDigest(name))}}`;
  const keys = Object.keys(node).sort();
  return `{${keys.map((key) => `${JSON.stringify(key)}:${canonical(node[key], refDigest, refName)}`).join(',')}}`;
}
