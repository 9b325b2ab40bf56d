/**
 * The body of a rest-xml input or output: either its `payload` member (a structure as one XML
 * document whose root is the member's element; a string as the text itself; a blob stays raw
 * bytes and out of the neutral value, which is about what a schema can check), or the members
 * without an HTTP location as children of one root element.
 */
import { setOwn } from '../../core/own.js';
import type { WireIssue } from './issues.js';
import { readScalar } from './scalars.js';
import { namespaceOf, type ServiceShapes } from './service-shapes.js';
import { decodeXmlShape } from './xml-decode.js';
import { encodeXmlShape, withNamespace, writeXml, type XmlTree } from './xml-encode.js';
import { readXml, textOf } from './xml-read.js';

/** Reads `body` into `out`; `rootMember` names a member whose element is the whole body (S3 GetBucketLocation). */
export function readXmlBody(
  shapes: ServiceShapes,
  structureName: string,
  body: string | undefined,
  out: Record<string, unknown>,
  issues: WireIssue[],
  what: string,
  rootMember?: string,
): void {
  if (body === undefined || body.trim() === '') return;
  const shape = shapes.shape(structureName);
  const payload = shape.payload === undefined ? undefined : shapes.structure(structureName).byName.get(shape.payload);
  if (payload !== undefined && payload.shape.type !== 'structure') {
    if (payload.shape.type === 'string') setOwn(out, payload.name, body);
    return;
  }
  const { document, issues: xmlIssues } = readXml(body, what);
  issues.push(...xmlIssues);
  if (document === undefined) return;
  if (payload !== undefined) {
    setOwn(out, payload.name, decodeXmlShape(shapes, payload.ref, document.root, issues, `/${payload.name}`, document.name));
    return;
  }
  const member = rootMember === undefined ? undefined : shapes.structure(structureName).byName.get(rootMember);
  if (member !== undefined) {
    const read = readScalar(member.shape, textOf(document.root));
    if (read.ok) setOwn(out, member.name, read.value);
    else
      issues.push({
        code: 'invalid-value',
        pointer: `/${member.name}`,
        wire: document.name,
        message: `${document.name} is ${JSON.stringify(textOf(document.root))}: ${read.reason}`,
      });
    return;
  }
  Object.assign(out, decodeXmlShape(shapes, { shape: structureName }, document.root, issues, '', document.name));
}

export interface BodyNames {
  /** The root element when the body is the members without a location. */
  rootName: string;
  /** The namespace declared on the root unless the member or shape declares its own. */
  namespace?: string;
  rootMember?: string;
}

/** The body for `value`, or undefined when nothing goes in it (a blob payload is the caller's bytes). */
export function writeXmlBody(shapes: ServiceShapes, structureName: string, value: Record<string, unknown>, names: BodyNames): string | undefined {
  const shape = shapes.shape(structureName);
  const index = shapes.structure(structureName);
  const payload = shape.payload === undefined ? undefined : index.byName.get(shape.payload);
  const declare = (tree: XmlTree): XmlTree => (names.namespace === undefined || typeof tree === 'string' ? tree : { '@xmlns': names.namespace, ...tree });
  if (payload !== undefined) {
    const item = value[payload.name];
    if (item === undefined) return undefined;
    if (payload.shape.type === 'string') return item as string;
    if (payload.shape.type !== 'structure') return undefined;
    const own = namespaceOf(payload.ref.xmlNamespace ?? payload.shape.xmlNamespace);
    const tree = encodeXmlShape(shapes, payload.ref, item, `/${payload.name}`);
    return writeXml(payload.xmlName, own ? withNamespace(tree, payload.ref, payload.shape) : declare(tree));
  }
  const member = names.rootMember === undefined ? undefined : index.byName.get(names.rootMember);
  if (member !== undefined) {
    const item = value[member.name];
    return item === undefined ? undefined : writeXml(names.rootName, declare({ '#text': encodeXmlShape(shapes, member.ref, item, `/${member.name}`) }));
  }
  const bodyMembers: Record<string, unknown> = {};
  for (const m of index.members) if (m.ref.location === undefined && value[m.name] !== undefined) bodyMembers[m.name] = value[m.name];
  if (Object.keys(bodyMembers).length === 0) return undefined;
  // The structure's own namespace wins over the service's.
  const namespace = shape.xmlNamespace ?? names.namespace;
  const tree = withNamespace(encodeXmlShape(shapes, { shape: structureName }, bodyMembers), { shape: structureName, ...(namespace ? { xmlNamespace: namespace } : {}) }, shape);
  return writeXml(names.rootName, tree);
}
