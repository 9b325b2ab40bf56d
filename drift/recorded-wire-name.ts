/**
 * A recorded XML element or form key the contracts do not know may be a member they know under
 * another wire name: an S3 answer recorded with `<Key>` where the contracts now say the member
 * Key travels as `<ObjectKey>`. The codecs report such an element as unknown, at the pointer of
 * its parent in the neutral value plus the name it was recorded under; this finds the parent's
 * shape in the contract's wire model and a member of that model name whose wire name differs.
 *
 * A JSON body (rest-json, json) is the same at any depth: the validator reports an unknown key
 * at its place in the body; the body's schemas lead to the parent structure, and the contract's
 * `jsonNames` (or, at the top, the message's members) to a member of that model name whose JSON
 * key is another one.
 */
import { formatPointer, parsePointer } from '../core/json-pointer.js';
import type { OperationContract, ServiceContract } from '../contracts/types.js';
import type { ShapeRef } from '../contracts/wire/model.js';
import { ServiceShapes } from '../contracts/wire/service-shapes.js';
import { recordedJsonPlace } from './recorded-json-name.js';
import type { DriftSide } from './types.js';
import type { RecordedPlace } from './recorded-place.js';

const shapesOf = new WeakMap<ServiceContract, ServiceShapes>();

function shapes(service: ServiceContract): ServiceShapes | undefined {
  if (service.wireModel === undefined) return undefined;
  let known = shapesOf.get(service);
  if (known === undefined) {
    known = new ServiceShapes(service.wireModel, `the ${service.service} contracts' wire model`);
    shapesOf.set(service, known);
  }
  return known;
}

/** The reference whose value the contracts check as the body of this side. */
function bodyRoot(model: ServiceShapes, service: ServiceContract, contract: OperationContract, side: DriftSide, errorType: string | undefined): ShapeRef | undefined {
  if (side === 'error') {
    const shape = errorType === undefined ? undefined : model.errorShapeName(errorType);
    return shape === undefined ? undefined : { shape };
  }
  const operation = model.operation(contract.name);
  const ref = side === 'request' ? operation?.input : operation?.output;
  if (ref === undefined || service.protocol === 'query') return ref;
  // rest-xml: a structure payload is the whole body.
  const payload = model.target(ref).payload;
  const payloadRef = payload === undefined ? undefined : model.target(ref).members?.[payload];
  return payloadRef ?? ref;
}

/**
 * The shapes along a `/body/...` pointer of the neutral value (list indices, map keys, member
 * names), the last segment left out; and the pointer with list indices as `*`, so that the same
 * element in the 1st and the 7th item is one fact (an XML body has no JSON to tell indices by).
 */
function walk(model: ServiceShapes, root: ShapeRef | undefined, segments: readonly string[]): { parent: ShapeRef | undefined; starred: string[] } {
  let ref = root;
  const starred = [segments[0]!];
  for (const segment of segments.slice(1, -1)) {
    const shape = ref === undefined ? undefined : model.target(ref);
    starred.push(shape?.type === 'list' ? '*' : segment);
    if (shape === undefined) continue;
    if (shape.type === 'structure') ref = shape.members !== undefined && Object.hasOwn(shape.members, segment) ? shape.members[segment] : undefined;
    else if (shape.type === 'list') ref = shape.member;
    else if (shape.type === 'map') ref = shape.value;
    else ref = undefined;
  }
  if (segments.length > 1) starred.push(segments.at(-1)!);
  return { parent: ref, starred };
}

/** Where an unknown element of a query or rest-xml body sits; for a JSON body, only when its key is a member's old name. */
export function recordedPlace(service: ServiceContract | undefined, contract: OperationContract, side: DriftSide, pointer: string, errorType?: string): RecordedPlace | undefined {
  if (service?.protocol === 'rest-json' || service?.protocol === 'json') return recordedJsonPlace(service, contract, side, pointer, errorType);
  const model = service === undefined ? undefined : shapes(service);
  if (service === undefined || model === undefined) return undefined;
  const segments = parsePointer(pointer);
  if (segments[0] !== 'body' || segments.length < 2) return undefined;
  const { parent, starred } = walk(model, bodyRoot(model, service, contract, side, errorType), segments);
  const place: RecordedPlace = { pointer: formatPointer(starred) };
  if (parent === undefined || model.target(parent).type !== 'structure') return place;
  const recorded = segments.at(-1)!;
  const member = model.structure(parent.shape).byName.get(recorded);
  const syntax = side === 'request' && service.protocol === 'query' ? 'form' : 'xml';
  if (member === undefined || member.ref.location !== undefined) return place;
  const wireName = syntax === 'form' ? member.queryName : member.xmlName;
  if (wireName !== recorded) place.renamed = { member: recorded, wireName, syntax };
  return place;
}
