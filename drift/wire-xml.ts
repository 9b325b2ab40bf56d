/**
 * Wire changes of a query or rest-xml operation, read from the wire models both contracts carry
 * (the botocore shapes with their serialization traits only). The neutral schemas name members
 * by their model names, so a member that travels under another element name, form key or
 * header, a list that became flattened or a timestamp written another way leaves them as they
 * were: here both sides are walked in step, member by member, by model name, and every trait
 * that decides the wire form is compared. Names resolve as the codecs resolve them
 * (contracts/wire/service-shapes.ts): the reference's trait, else the target shape's, else the
 * default. A subtree whose shapes are the same on both sides is not walked at all.
 */
import { appendPointer } from '../core/json-pointer.js';
import type { Operation, Shape, ShapeRef, XmlNamespace } from '../contracts/wire/model.js';
import { namespaceOf, type ServiceShapes } from '../contracts/wire/service-shapes.js';
import type { RawWireChange } from './types.js';
import type { DriftSide } from './types.js';

/** Request bodies of the query protocol are forms; everything else here is XML. */
type Syntax = 'xml' | 'form';

/** Where in the walk: the pointer the contracts check, the model path for the sentence, the form key so far. */
interface At {
  pointer: string;
  path: string[];
  formKey: string;
}

/** A change with the message it is in. */
export interface PlacedWireChange {
  raw: RawWireChange;
  side: DriftSide;
  errorType?: string;
}

/** Where a top-level member of a rest message travels. */
interface Place {
  location: 'body' | 'payload' | 'header' | 'headers' | 'querystring' | 'uri' | 'statusCode';
  /** Its wire name as compared (header names lower-case). */
  name: string;
  /** Its wire name as the model writes it. */
  shown: string;
  pointer: string;
  spelled: string;
}

/** Timestamps go as ISO 8601 in bodies, URIs and query strings, as HTTP dates in headers, unless the model says otherwise. */
const DEFAULT_TIMESTAMP: Record<string, string> = { body: 'iso8601', payload: 'iso8601', querystring: 'iso8601', uri: 'iso8601', header: 'rfc822' };

const namespaceText = (ns: XmlNamespace | undefined): string => (ns === undefined ? 'none' : ns.prefix ? `xmlns:${ns.prefix}="${ns.uri}"` : `"${ns.uri}"`);

export class XmlWireWalk {
  private readonly sameClosure = new Map<string, boolean>();
  /** Structure pairs on the current path: a recursive shape is walked once under each member that enters it. */
  private readonly onPath = new Set<string>();
  private out: RawWireChange[] = [];

  constructor(
    private readonly before: ServiceShapes,
    private readonly after: ServiceShapes,
    private readonly protocol: 'query' | 'rest-xml',
  ) {}

  /** Every wire change of operation `name` (in both models), with the error renames compareOperation pairs by. */
  operation(name: string): { changes: PlacedWireChange[]; errorRenames: Map<string, string> } {
    const a = this.before.operation(name);
    const b = this.after.operation(name);
    const changes: PlacedWireChange[] = [];
    const errorRenames = new Map<string, string>();
    if (a === undefined || b === undefined) return { changes, errorRenames };
    const input = this.protocol === 'query' ? 'form' : 'xml';
    for (const raw of this.message(a.input, b.input, input, 'input')) changes.push({ raw, side: 'request' });
    for (const raw of [...this.resultWrapper(a, b), ...this.message(a.output, b.output, 'xml', 'output')]) changes.push({ raw, side: 'response' });
    const afterErrors = new Set((b.errors ?? []).map((error) => error.shape));
    for (const { shape } of a.errors ?? []) {
      if (!afterErrors.has(shape)) continue;
      const codeBefore = this.before.errorCode(shape);
      const codeAfter = this.after.errorCode(shape);
      if (codeBefore !== codeAfter) {
        errorRenames.set(codeBefore, codeAfter);
        const spelled = { before: `"${codeBefore}"`, after: `"${codeAfter}"` };
        changes.push({
          raw: { code: 'error-code-changed', pointer: '/body/Code', path: [], before: codeBefore, after: codeAfter, spelled, shape },
          side: 'error',
          errorType: codeAfter,
        });
      }
      for (const raw of this.message({ shape }, { shape }, 'xml', 'error')) changes.push({ raw, side: 'error', errorType: codeAfter });
    }
    return { changes, errorRenames };
  }

  /** query: the answer's `<{Operation}Result>` element. */
  private resultWrapper(a: Operation, b: Operation): RawWireChange[] {
    if (this.protocol !== 'query' || a.output?.resultWrapper === b.output?.resultWrapper) return [];
    const spell = (name: string | undefined) => (name === undefined ? 'no result element' : `result element <${name}>`);
    return [
      {
        code: 'wire-name-changed',
        pointer: '/body',
        path: [],
        before: a.output?.resultWrapper ?? null,
        after: b.output?.resultWrapper ?? null,
        spelled: { before: spell(a.output?.resultWrapper), after: spell(b.output?.resultWrapper) },
      },
    ];
  }

  /** One input, output or error shape: its top-level members by place, then everything in its body. */
  private message(refA: ShapeRef | undefined, refB: ShapeRef | undefined, syntax: Syntax, role: 'input' | 'output' | 'error'): RawWireChange[] {
    if (refA === undefined || refB === undefined) return [];
    const shapeA = this.before.target(refA);
    const shapeB = this.after.target(refB);
    if (shapeA.type !== 'structure' || shapeB.type !== 'structure') return [];
    this.out = [];
    if (role === 'input' && syntax === 'xml' && shapeA.payload === undefined && shapeB.payload === undefined) this.root(refA, refB, shapeA, shapeB);
    if (!(refA.shape === refB.shape && this.same(refA.shape))) {
      for (const [member, memberA] of Object.entries(shapeA.members ?? {})) {
        const memberB = shapeB.members !== undefined && Object.hasOwn(shapeB.members, member) ? shapeB.members[member] : undefined;
        if (memberB !== undefined) this.topMember(member, memberA, memberB, shapeA, shapeB, syntax);
      }
    }
    return this.out;
  }

  /** rest-xml: the root element of a request body that is not one member's (Route 53 names it on the operation's input). */
  private root(refA: ShapeRef, refB: ShapeRef, shapeA: Shape, shapeB: Shape): void {
    const nameA = refA.locationName ?? shapeA.locationName;
    const nameB = refB.locationName ?? shapeB.locationName;
    if (nameA !== undefined && nameB !== undefined && nameA !== nameB) {
      this.push('wire-name-changed', { pointer: '/body', path: [], formKey: '' }, nameA, nameB, { before: `root element <${nameA}>`, after: `root element <${nameB}>` });
    }
    this.namespace(refA.xmlNamespace ?? shapeA.xmlNamespace, refB.xmlNamespace ?? shapeB.xmlNamespace, { pointer: '/body', path: [], formKey: '' });
  }

  private place(shapes: ServiceShapes, owner: Shape, member: string, ref: ShapeRef, syntax: Syntax): Place {
    const target = shapes.target(ref);
    const name = ref.locationName ?? target.locationName ?? member;
    switch (ref.location) {
      case 'header':
        return { location: 'header', name: name.toLowerCase(), shown: name, pointer: appendPointer('/headers', name.toLowerCase()), spelled: `header "${name}"` };
      case 'headers':
        return { location: 'headers', name: name.toLowerCase(), shown: name, pointer: appendPointer('/headers', `${name.toLowerCase()}*`), spelled: `headers named "${name}*"` };
      case 'querystring':
        return { location: 'querystring', name, shown: name, pointer: appendPointer('/query', name), spelled: `query parameter "${name}"` };
      case 'uri':
        return { location: 'uri', name, shown: name, pointer: appendPointer('/path', name), spelled: `URI label {${name}}` };
      case 'statusCode':
        return { location: 'statusCode', name: '', shown: '', pointer: '/status', spelled: 'the status code' };
      default:
        break;
    }
    if (owner.payload === member)
      return {
        location: 'payload',
        name: target.type === 'structure' ? name : '',
        shown: name,
        pointer: '/body',
        spelled: target.type === 'structure' ? `the whole body, <${name}>` : 'the whole body',
      };
    const element = this.elementName(shapes, member, ref);
    return { location: 'body', name: element, shown: element, pointer: appendPointer('/body', member), spelled: syntax === 'xml' ? `<${element}>` : `form key ${element}` };
  }

  private topMember(member: string, refA: ShapeRef, refB: ShapeRef, ownerA: Shape, ownerB: Shape, syntax: Syntax): void {
    const a = this.place(this.before, ownerA, member, refA, syntax);
    const b = this.place(this.after, ownerB, member, refB, syntax);
    const at: At = { pointer: a.pointer, path: [member], formKey: a.name };
    if (a.location !== b.location) {
      this.push('location-changed', at, a.location, b.location, { before: a.spelled, after: b.spelled }, [a.pointer, b.pointer]);
      return;
    }
    if (a.location === 'body') {
      this.member(member, refA, refB, syntax, { pointer: '/body', path: [], formKey: '' });
      return;
    }
    // A URI label is renamed only with its URI, which uri-changed reports.
    if (a.name !== b.name && a.location !== 'uri') this.push('wire-name-changed', at, a.shown, b.shown, { before: a.spelled, after: b.spelled }, [a.pointer, b.pointer]);
    if (a.location === 'payload') {
      if (syntax === 'xml') this.namespace(this.namespaceOf(this.before, refA), this.namespaceOf(this.after, refB), at);
      this.value(refA, refB, syntax, { pointer: '/body', path: [member], formKey: '' }, 'body');
    } else if (a.location !== 'headers' && a.location !== 'statusCode') {
      this.value(refA, refB, syntax, at, a.location);
    }
  }

  /** A structure member in a body: its element name or form key, flattening, attribute, namespace, then its value. */
  private member(member: string, refA: ShapeRef, refB: ShapeRef, syntax: Syntax, parent: At): void {
    const targetA = this.before.target(refA);
    const targetB = this.after.target(refB);
    const elementA = this.elementName(this.before, member, refA);
    const elementB = this.elementName(this.after, member, refB);
    const at: At = { pointer: appendPointer(parent.pointer, member), path: [...parent.path, member], formKey: parent.formKey === '' ? elementA : `${parent.formKey}.${elementA}` };
    const flatA = this.flattened(refA, targetA);
    const flatB = this.flattened(refB, targetB);
    if (targetA.type === targetB.type && flatA !== flatB) {
      const spelled = {
        before: this.collectionForm(this.before, member, refA, syntax, parent.formKey),
        after: this.collectionForm(this.after, member, refB, syntax, parent.formKey),
      };
      this.push('flattened-changed', at, flatA, flatB, spelled);
    } else if (elementA !== elementB) {
      const spell = (name: string) => (syntax === 'xml' ? `<${name}>` : `form key ${parent.formKey === '' ? name : `${parent.formKey}.${name}`}`);
      this.push('wire-name-changed', at, elementA, elementB, { before: spell(elementA), after: spell(elementB) });
    }
    if (syntax === 'xml') {
      const attributeA = refA.xmlAttribute === true;
      const attributeB = refB.xmlAttribute === true;
      if (attributeA !== attributeB) {
        const spell = (attribute: boolean, name: string) => (attribute ? `an XML attribute ${name}="…"` : `an element <${name}>`);
        this.push('xml-attribute-changed', at, attributeA, attributeB, { before: spell(attributeA, elementA), after: spell(attributeB, elementB) });
      }
      this.namespace(this.namespaceOf(this.before, refA), this.namespaceOf(this.after, refB), at);
    }
    this.value(refA, refB, syntax, at, 'body');
  }

  /** What a value holds: a timestamp's format, list item and map entry names, a structure's members. */
  private value(refA: ShapeRef, refB: ShapeRef, syntax: Syntax, at: At, location: string): void {
    if (refA.shape === refB.shape && refA.timestampFormat === refB.timestampFormat && this.same(refA.shape)) return;
    const a = this.before.target(refA);
    const b = this.after.target(refB);
    // Another type is the schema diff's to report.
    if (a.type !== b.type) return;
    switch (a.type) {
      case 'timestamp': {
        const formatA = refA.timestampFormat ?? a.timestampFormat ?? DEFAULT_TIMESTAMP[location] ?? 'iso8601';
        const formatB = refB.timestampFormat ?? b.timestampFormat ?? DEFAULT_TIMESTAMP[location] ?? 'iso8601';
        if (formatA !== formatB) this.push('timestamp-format-changed', at, formatA, formatB, undefined, location === 'body' ? [] : [at.pointer]);
        return;
      }
      case 'list': {
        const items: At = { pointer: appendPointer(at.pointer, '*'), path: [...at.path, '*'], formKey: `${at.formKey}.N` };
        // A flattened list's items are named where its member is (member()); the header and query forms have no item names.
        if (location === 'body' && !this.flattened(refA, a) && !this.flattened(refB, b)) {
          const itemA = this.before.listItemName(a) ?? 'member';
          const itemB = this.after.listItemName(b) ?? 'member';
          const spell = (name: string) => (syntax === 'xml' ? `items <${name}>` : `form keys ${at.formKey}.${name}.N`);
          if (itemA !== itemB) this.push('wire-name-changed', items, itemA, itemB, { before: spell(itemA), after: spell(itemB) });
          items.formKey = `${at.formKey}.${itemA}.N`;
        }
        if (syntax === 'xml' && location === 'body') this.namespace(this.namespaceOf(this.before, a.member!), this.namespaceOf(this.after, b.member!), items);
        this.value(a.member!, b.member!, syntax, items, location);
        return;
      }
      case 'map': {
        const entry = `${at.formKey}${this.flattened(refA, a) ? '' : '.entry'}.N`;
        const entries: At = { pointer: appendPointer(at.pointer, '*'), path: [...at.path, '*'], formKey: `${entry}.${this.entryName(this.before, a.value!, 'value')}` };
        if (location === 'body') {
          for (const part of ['key', 'value'] as const) {
            const nameA = this.entryName(this.before, a[part]!, part);
            const nameB = this.entryName(this.after, b[part]!, part);
            const spell = (name: string) => (syntax === 'xml' ? `map ${part}s <${name}>` : `map ${part}s in form keys ${entry}.${name}`);
            if (nameA !== nameB) this.push('wire-name-changed', entries, nameA, nameB, { before: spell(nameA), after: spell(nameB) });
          }
        }
        this.value(a.value!, b.value!, syntax, entries, location);
        return;
      }
      case 'structure': {
        const key = `${syntax} ${refA.shape} ${refB.shape}`;
        if (this.onPath.has(key)) return;
        this.onPath.add(key);
        for (const [member, memberA] of Object.entries(a.members ?? {})) {
          const memberB = b.members !== undefined && Object.hasOwn(b.members, member) ? b.members[member] : undefined;
          if (memberB !== undefined) this.member(member, memberA, memberB, syntax, at);
        }
        this.onPath.delete(key);
        return;
      }
      default:
        return;
    }
  }

  private push(code: RawWireChange['code'], at: At, before: unknown, after: unknown, spelled?: RawWireChange['spelled'], explains: string[] = []): void {
    this.out.push({ code, pointer: at.pointer, path: at.path, before, after, ...(spelled ? { spelled } : {}), ...(explains.length > 0 ? { explains } : {}) });
  }

  private namespace(a: XmlNamespace | string | undefined, b: XmlNamespace | string | undefined, at: At): void {
    const nsA = namespaceOf(a);
    const nsB = namespaceOf(b);
    if (nsA?.uri === nsB?.uri && nsA?.prefix === nsB?.prefix) return;
    this.push('xml-namespace-changed', at, nsA ?? null, nsB ?? null, { before: namespaceText(nsA), after: namespaceText(nsB) });
  }

  private namespaceOf(shapes: ServiceShapes, ref: ShapeRef): XmlNamespace | string | undefined {
    return ref.xmlNamespace ?? shapes.target(ref).xmlNamespace;
  }

  private flattened(ref: ShapeRef, target: Shape): boolean {
    return (target.type === 'list' || target.type === 'map') && (ref.flattened ?? target.flattened ?? false);
  }

  /** The element (or form key part) a member travels under: a flattened list with named items repeats under the items' name. */
  private elementName(shapes: ServiceShapes, member: string, ref: ShapeRef): string {
    const target = shapes.target(ref);
    const name = ref.locationName ?? target.locationName ?? member;
    if (target.type === 'list' && this.flattened(ref, target)) return shapes.listItemName(target) ?? name;
    return name;
  }

  private entryName(shapes: ServiceShapes, ref: ShapeRef, part: 'key' | 'value'): string {
    return ref.locationName ?? shapes.target(ref).locationName ?? part;
  }

  /** How a list or map member travels, whole: `<Tags><member>…</member></Tags>`, `<Tag>…</Tag> repeated`, `Tags.member.N`. */
  private collectionForm(shapes: ServiceShapes, member: string, ref: ShapeRef, syntax: Syntax, prefix: string): string {
    const target = shapes.target(ref);
    const name = ref.locationName ?? target.locationName ?? member;
    const key = prefix === '' ? name : `${prefix}.${name}`;
    const flat = this.flattened(ref, target);
    if (target.type === 'list') {
      const item = shapes.listItemName(target);
      if (syntax === 'form') return flat ? `form keys ${prefix === '' ? (item ?? name) : `${prefix}.${item ?? name}`}.N` : `form keys ${key}.${item ?? 'member'}.N`;
      return flat ? `<${item ?? name}>…</${item ?? name}> repeated` : `<${name}><${item ?? 'member'}>…</${item ?? 'member'}></${name}>`;
    }
    const k = this.entryName(shapes, target.key!, 'key');
    const v = this.entryName(shapes, target.value!, 'value');
    if (syntax === 'form') return flat ? `form keys ${key}.N.${k}` : `form keys ${key}.entry.N.${k}`;
    return flat ? `<${name}><${k}>…</${k}><${v}>…</${v}></${name}> repeated` : `<${name}><entry><${k}>…</${k}><${v}>…</${v}></entry></${name}>`;
  }

  /**
   * Whether a shape and everything it reaches are the same in both wire models (same name on
   * both sides is the caller's check). Shapes of a cycle count as the same until one differs.
   */
  private same(name: string): boolean {
    const known = this.sameClosure.get(name);
    if (known !== undefined) return known;
    const seen = new Set<string>();
    const queue = [name];
    let same = true;
    while (queue.length > 0 && same) {
      const next = queue.pop()!;
      if (seen.has(next)) continue;
      seen.add(next);
      // A shape whose closure is known already answers for everything below it.
      const closure = next === name ? undefined : this.sameClosure.get(next);
      if (closure === true) continue;
      if (closure === false) {
        same = false;
        break;
      }
      const a = this.before.model.shapes[next];
      const b = this.after.model.shapes[next];
      if (
        a === undefined ||
        b === undefined ||
        !Object.hasOwn(this.before.model.shapes, next) ||
        !Object.hasOwn(this.after.model.shapes, next) ||
        JSON.stringify(a) !== JSON.stringify(b)
      ) {
        same = false;
        break;
      }
      for (const ref of [...Object.values(a.members ?? {}), a.member, a.key, a.value]) if (ref) queue.push(ref.shape);
    }
    this.sameClosure.set(name, same);
    return same;
  }
}
