// A set of JSON Pointers compiled into a trie, so a walker over a JSON value can ask
// "is this member ignored?" in O(1) per step instead of testing every pointer.
//
// Wildcard: a segment that is exactly `*` matches any array index or any object key
// at that depth (`/items/*/id` ignores `id` in every element of `items`). RFC 6901 has
// no escape for `*`, so a member literally named `*` cannot be singled out; `*` inside a
// longer segment (`a*b`) is literal.
import { parsePointer } from '../../core/json-pointer.js';

export class PointerNode {
  /** True when a pointer ends here: the whole value at this place is ignored. */
  terminal = false;
  readonly children = new Map<string, PointerNode>();
  wildcard: PointerNode | undefined;
  /** Union of an exact child and the wildcard, built on first use. */
  private readonly unions = new Map<string, PointerNode>();

  /** The node for member `key` below this one, or undefined when no pointer goes there. */
  child(key: string): PointerNode | undefined {
    const exact = this.children.get(key);
    if (exact === undefined) return this.wildcard;
    if (this.wildcard === undefined) return exact;
    let union = this.unions.get(key);
    if (union === undefined) {
      union = mergeNodes(exact, this.wildcard);
      this.unions.set(key, union);
    }
    return union;
  }
}

function mergeNodes(a: PointerNode, b: PointerNode): PointerNode {
  const out = new PointerNode();
  out.terminal = a.terminal || b.terminal;
  for (const source of [a, b]) {
    for (const [key, node] of source.children) {
      const existing = out.children.get(key);
      out.children.set(key, existing === undefined ? node : mergeNodes(existing, node));
    }
    if (source.wildcard !== undefined) {
      out.wildcard = out.wildcard === undefined ? source.wildcard : mergeNodes(out.wildcard, source.wildcard);
    }
  }
  return out;
}

/**
 * Compiles pointers into a trie root; undefined when the list is empty (nothing ignored).
 * `what` names where the pointers came from, for error messages.
 */
export function compilePointerSet(pointers: readonly string[], what: string): PointerNode | undefined {
  if (pointers.length === 0) return undefined;
  const root = new PointerNode();
  for (const pointer of pointers) {
    let node = root;
    for (const segment of parsePointer(pointer, `${what}: ${pointer}`)) {
      if (segment === '*') {
        node.wildcard ??= new PointerNode();
        node = node.wildcard;
      } else {
        let next = node.children.get(segment);
        if (next === undefined) {
          next = new PointerNode();
          node.children.set(segment, next);
        }
        node = next;
      }
    }
    node.terminal = true;
  }
  return root;
}
