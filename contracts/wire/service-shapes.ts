/**
 * One service model, with the lookups every decode needs (which member an XML element or a form
 * key names) worked out per structure the first time a decode reaches it, and kept: per request
 * the codecs do map lookups only. Nothing is read up front: a loaded contract's wire shapes are
 * parsed one at a time on first read (format/lazy-tables.ts), and the first exchange of a
 * service should pay for the shapes its operation reaches, not for the whole model (S3 has 718).
 *
 * Names follow botocore's resolution: a reference's traits override its target shape's, so a
 * member's wire name is the reference's `locationName`, else the target shape's, else the
 * member name; the same for `flattened` and `xmlNamespace`.
 */
import { TapegateError } from '../../core/errors.js';
import type { Operation, ServiceModel, Shape, ShapeRef, XmlNamespace } from './model.js';
import { errorShapeCandidates, hasShapes, modelShape } from './model-shapes.js';

/** A structure member with its serialization traits resolved. */
export interface ResolvedMember {
  /** The member name of the model (and of the neutral value). */
  name: string;
  ref: ShapeRef;
  shape: Shape;
  /** Its element name in XML bodies (a flattened list with a named member: that member's name). */
  xmlName: string;
  /** Its key in a query form (a flattened list with a named member: that member's name). */
  queryName: string;
  flattened: boolean;
  xmlAttribute: boolean;
}

export interface StructureIndex {
  members: readonly ResolvedMember[];
  /** Member name → member. */
  byName: ReadonlyMap<string, ResolvedMember>;
  /** Element name → member, attributes excluded. */
  byXmlName: ReadonlyMap<string, ResolvedMember>;
  /** Attribute name (`xsi:type`) → member. */
  byXmlAttribute: ReadonlyMap<string, ResolvedMember>;
  byQueryName: ReadonlyMap<string, ResolvedMember>;
}

function fail(what: string, reason: string): never {
  throw new TapegateError(`Failed to read "${what}": ${reason}`, 2);
}

export function namespaceOf(ns: XmlNamespace | string | undefined): XmlNamespace | undefined {
  if (ns === undefined) return undefined;
  return typeof ns === 'string' ? { uri: ns } : ns;
}

export class ServiceShapes {
  readonly model: ServiceModel;
  private readonly structures = new Map<string, StructureIndex>();
  /** Shapes looked up so far (modelShape parses each on its first lookup in a loaded contract). */
  private readonly found = new Map<string, Shape>();
  /** Error code → error shape; made on the first error looked up (a loaded contract's model names the few shapes to read for it). */
  private errorCodes: Map<string, string> | undefined;

  /** `what` names the model in errors (its file, usually). */
  constructor(
    model: unknown,
    readonly what = 'service model',
  ) {
    if (typeof model !== 'object' || model === null) fail(what, 'expected a botocore service model (a JSON object)');
    const m = model as Partial<ServiceModel>;
    if (typeof m.metadata?.apiVersion !== 'string') fail(what, 'expected "metadata.apiVersion", a string');
    if (typeof m.operations !== 'object' || m.operations === null) fail(what, 'expected "operations", an object');
    if (!hasShapes(m)) fail(what, 'expected "shapes", an object');
    this.model = m as ServiceModel;
  }

  get apiVersion(): string {
    return this.model.metadata.apiVersion;
  }

  operation(name: string): Operation | undefined {
    return Object.hasOwn(this.model.operations, name) ? this.model.operations[name] : undefined;
  }

  /** The operation called `name`; a name the model lacks is the caller's mistake (a TapegateError). */
  requireOperation(name: string): Operation {
    const operation = this.operation(name);
    if (operation === undefined) throw new TapegateError(`Failed to find operation "${name}": no such operation in ${this.what}`, 2);
    return operation;
  }

  shape(name: string): Shape {
    let shape = this.found.get(name);
    if (shape === undefined) {
      shape = modelShape(this.model, name);
      if (shape === undefined) fail(this.what, `shape "${name}" is referenced but not defined`);
      this.found.set(name, shape);
    }
    return shape;
  }

  /** Whether the model defines a shape called `name`. */
  hasShape(name: string): boolean {
    return this.found.has(name) || modelShape(this.model, name) !== undefined;
  }

  target(ref: ShapeRef): Shape {
    return this.shape(ref.shape);
  }

  /** The error shape an error code names (`NoSuchEntity` → `NoSuchEntityException` in IAM), by its `error.code` or its name. */
  errorShapeName(code: string): string | undefined {
    if (this.errorCodes === undefined) {
      this.errorCodes = new Map();
      for (const name of errorShapeCandidates(this.model)) {
        const shape = this.shape(name);
        if (shape.exception || shape.error) this.errorCodes.set(shape.error?.code ?? name, name);
      }
    }
    return this.errorCodes.get(code);
  }

  /** The code an error shape is sent with. */
  errorCode(shapeName: string): string {
    return this.shape(shapeName).error?.code ?? shapeName;
  }

  structure(name: string): StructureIndex {
    let index = this.structures.get(name);
    if (index === undefined) {
      index = this.indexStructure(name);
      this.structures.set(name, index);
    }
    return index;
  }

  private indexStructure(name: string): StructureIndex {
    const shape = this.shape(name);
    if (shape.type !== 'structure') fail(this.what, `shape "${name}" is a ${shape.type}, not a structure`);
    const members: ResolvedMember[] = [];
    const byXmlName = new Map<string, ResolvedMember>();
    const byXmlAttribute = new Map<string, ResolvedMember>();
    const byQueryName = new Map<string, ResolvedMember>();
    for (const [memberName, ref] of Object.entries(shape.members ?? {})) {
      const target = this.target(ref);
      const flattened = ref.flattened ?? target.flattened ?? false;
      const wireName = ref.locationName ?? target.locationName ?? memberName;
      // botocore: a flattened list whose member is named travels under the member's name.
      const itemName = flattened && target.type === 'list' && target.member ? this.listItemName(target) : undefined;
      const member: ResolvedMember = {
        name: memberName,
        ref,
        shape: target,
        xmlName: itemName ?? wireName,
        queryName: itemName ?? wireName,
        flattened,
        xmlAttribute: ref.xmlAttribute === true,
      };
      members.push(member);
      // Header, URI and query string members of the rest protocols never sit in a body.
      if (ref.location !== undefined) continue;
      if (member.xmlAttribute) byXmlAttribute.set(member.xmlName, member);
      else byXmlName.set(member.xmlName, member);
      byQueryName.set(member.queryName, member);
    }
    return { members, byName: new Map(members.map((m) => [m.name, m])), byXmlName, byXmlAttribute, byQueryName };
  }

  /** The explicit name of a list's items (`Tag`), or undefined when the list leaves it unnamed. */
  listItemName(list: Shape): string | undefined {
    const ref = list.member;
    if (!ref) return undefined;
    return ref.locationName ?? this.target(ref).locationName;
  }
}
