/**
 * One side of a schema comparison: the `definitions` that `$ref: "#/definitions/Name"`
 * points into, with ref resolution and fingerprints. Two nodes with the same fingerprint
 * accept the same values whatever their refs are called, so the walkers skip them whole:
 * that is what keeps a drift of mostly unchanged contracts fast. Recursive shapes are `$ref`
 * cycles (schema-cycles.ts); a cycle is digested as one unit.
 */
import { createHash } from 'node:crypto';
import { TapegateError } from '../core/errors.js';
import type { JsonSchema } from '../contracts/types.js';
import { definitionGroups, type DefinitionGroup } from './schema-cycles.js';

export type SchemaNode = JsonSchema | boolean;

const REF_PREFIX = '#/definitions/';

export class SchemaSide {
  private readonly fingerprints = new Map<string, string>();
  private groups: Map<string, DefinitionGroup> | undefined;

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
    return digest(
      canonical(
        node,
        (ref) => this.definitionFingerprint(ref),
        (n) => this.refName(n),
      ),
    );
  }

  /** True when the definition is part of a `$ref` cycle (a recursive shape). */
  isRecursive(name: string): boolean {
    return this.groupOf(name)?.recursive ?? false;
  }

  /** The cycle a definition is part of (named by its first member), or undefined. */
  cycleOf(name: string): string | undefined {
    const group = this.groupOf(name);
    return group?.recursive ? group.members[0] : undefined;
  }

  private groupOf(name: string): DefinitionGroup | undefined {
    this.groups ??= definitionGroups(Object.keys(this.definitions).sort(), (n) => this.refsOf(n));
    return this.groups.get(name);
  }

  private refsOf(name: string): string[] {
    const found = new Set<string>();
    const visit = (node: unknown): void => {
      if (Array.isArray(node)) return node.forEach(visit);
      if (!isObject(node)) return;
      const ref = this.refName(node);
      if (ref !== undefined) {
        if (Object.hasOwn(this.definitions, ref)) found.add(ref);
        return;
      }
      Object.values(node).forEach(visit);
    };
    visit(this.definitions[name]);
    return [...found].sort();
  }

  private definitionFingerprint(name: string): string {
    const known = this.fingerprints.get(name);
    if (known !== undefined) return known;
    if (!Object.hasOwn(this.definitions, name)) {
      throw new TapegateError(`Failed to compare contracts "${this.label}": $ref "#/definitions/${name}" names no definition`, 2);
    }
    const group = this.groupOf(name)!;
    if (!group.recursive) {
      const value = this.fingerprint(this.definitions[name]);
      this.fingerprints.set(name, value);
      return value;
    }
    // A cycle has no bottom to digest from: digest the whole component at once, its inner
    // refs by name (a change anywhere in a cycle changes every member's fingerprint, which
    // is what "accepts the same values" needs), refs leaving it by their targets' digests.
    // A lone self-recursive definition is named by position, so a rename alone is no change.
    const inner = new Set(group.members);
    const label = (ref: string) => (group.members.length === 1 ? '@self' : `@${ref}`);
    const refDigest = (ref: string) => (inner.has(ref) ? label(ref) : this.definitionFingerprint(ref));
    const whole = digest(group.members.map((member) => `${label(member)}=${canonical(this.definitions[member], refDigest, (n) => this.refName(n))}`).join(';'));
    for (const member of group.members) this.fingerprints.set(member, digest(`cycle(${whole})${label(member)}`));
    return this.fingerprints.get(name)!;
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
