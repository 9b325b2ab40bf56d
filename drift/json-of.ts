/**
 * JSON text of a schema node, remembered per object. The simplified pairs of schema-diff.ts
 * share subtrees (a definition reached from thousands of places is simplified once), so
 * comparing nodes by their text would otherwise serialise the same subtree over and over.
 */
const cache = new WeakMap<object, string>();

export function jsonOf(node: unknown): string {
  if (typeof node !== 'object' || node === null) return JSON.stringify(node) ?? 'null';
  const known = cache.get(node);
  if (known !== undefined) return known;
  const text = Array.isArray(node)
    ? `[${node.map(jsonOf).join(',')}]`
    : `{${Object.entries(node)
        .map(([key, value]) => `${JSON.stringify(key)}:${jsonOf(value)}`)
        .join(',')}}`;
  cache.set(node, text);
  return text;
}
