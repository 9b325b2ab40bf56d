/** Recursive shapes: cycles found once per side, fingerprints that see through them. */
import { describe, expect, it } from 'vitest';
import { definitionGroups } from './schema-cycles.js';
import { SchemaSide } from './schema-side.js';

const ref = (name: string) => ({ $ref: `#/definitions/${name}` });
const object = (properties: Record<string, unknown>) => ({ type: 'object', properties, additionalProperties: false });

describe('definitionGroups', () => {
  it('finds self-recursive and mutually recursive definitions, and leaves the rest alone', () => {
    const graph: Record<string, string[]> = { Condition: ['Condition', 'Leaf'], Section: ['Field'], Field: ['Section', 'Leaf'], Leaf: [], Top: ['Section'] };
    const groups = definitionGroups(Object.keys(graph), (name) => graph[name] ?? []);
    expect(groups.get('Condition')).toEqual({ members: ['Condition'], recursive: true });
    expect(groups.get('Section')).toEqual({ members: ['Field', 'Section'], recursive: true });
    expect(groups.get('Field')).toBe(groups.get('Section'));
    expect(groups.get('Leaf')).toEqual({ members: ['Leaf'], recursive: false });
    expect(groups.get('Top')).toEqual({ members: ['Top'], recursive: false });
  });

  it('follows a chain of 100,000 definitions without overflowing the stack', () => {
    const names = Array.from({ length: 100_000 }, (_, i) => `D${i}`);
    const groups = definitionGroups(names, (name) => (name === 'D99999' ? ['D0'] : [`D${Number(name.slice(1)) + 1}`]));
    expect(groups.get('D0')!.members).toHaveLength(100_000);
  });
});

describe('SchemaSide.fingerprint with cycles', () => {
  const side = (fieldType: string[]) =>
    new SchemaSide(
      {
        Section: object({ fields: { type: 'array', items: ref('Field') } }),
        Field: object({ section: ref('Section'), type: ref('FieldType') }),
        FieldType: { type: 'string', enum: fieldType },
      },
      'test',
    );

  it('changes for every member of a cycle when anything in it changes, whichever is asked first', () => {
    for (const first of ['Section', 'Field']) {
      const before = side(['TEXT']);
      const after = side(['TEXT', 'URL']);
      before.fingerprint(ref(first));
      after.fingerprint(ref(first));
      expect(before.fingerprint(ref('Section'))).not.toBe(after.fingerprint(ref('Section')));
      expect(before.fingerprint(ref('Field'))).not.toBe(after.fingerprint(ref('Field')));
    }
  });

  it('is the same for the same cycle, and for a self-recursive shape under another name', () => {
    expect(side(['TEXT']).fingerprint(ref('Field'))).toBe(side(['TEXT']).fingerprint(ref('Field')));
    const a = new SchemaSide({ Node: object({ next: ref('Node') }) }, 'a');
    const b = new SchemaSide({ Link: object({ next: ref('Link') }) }, 'b');
    expect(a.fingerprint(ref('Node'))).toBe(b.fingerprint(ref('Link')));
    expect(a.isRecursive('Node')).toBe(true);
  });
});
