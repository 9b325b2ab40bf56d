/**
 * A recorded JSON key the contracts do not know, at any depth of a rest-json or json body, that
 * is the old name of a member they know under another key: a Lambda answer recorded with
 * `"Arn"` in each layer where the contracts now say the member Arn travels as `"LayerArn"`. The
 * body's schemas lead from the root to the key's parent structure (the validator's pointer, list
 * indices and map keys included); its renamed members are the message's members at the top, the
 * contract's `jsonNames` below (and for an error's own members).
 */
import { parsePointer, formatPointer } from '../core/json-pointer.js';
import type { OperationContract, ServiceContract } from '../contracts/types.js';
import { isObject, SchemaSide } from './schema-side.js';
import type { DriftSide } from './types.js';
import { renamedMembers } from './wire-json.js';
import type { RecordedPlace } from './recorded-place.js';

const sidesOf = new WeakMap<ServiceContract, SchemaSide>();

function schemas(service: ServiceContract): SchemaSide {
  let side = sidesOf.get(service);
  if (side === undefined) sidesOf.set(service, (side = new SchemaSide(service.definitions.diff, `the ${service.service} contracts`)));
  return side;
}

function bodyOf(contract: OperationContract, side: DriftSide, errorType: string | undefined): unknown {
  if (side === 'error') return contract.errors.find((error) => error.type === errorType)?.body.diff;
  return (side === 'request' ? contract.request : contract.response).body?.diff;
}

/**
 * Whether `recorded` may be what the member `member` was sent as before it took another key:
 * the model name itself (no `locationName`), or its lower-camel form, which is how rest-json
 * services (API Gateway v2, say) name their keys.
 */
function oldNameOf(member: string, recorded: string): boolean {
  return recorded === member || recorded === `${member.charAt(0).toLowerCase()}${member.slice(1)}`;
}

export function recordedJsonPlace(service: ServiceContract, contract: OperationContract, side: DriftSide, pointer: string, errorType?: string): RecordedPlace | undefined {
  const segments = parsePointer(pointer);
  const root = bodyOf(contract, side, errorType);
  if (segments[0] !== 'body' || segments.length < 2 || root === undefined) return undefined;
  const sides = schemas(service);
  let node: unknown = root;
  const starred = [segments[0]];
  for (const segment of segments.slice(1, -1)) {
    const schema = sides.resolve(node);
    if (typeof schema === 'boolean') return undefined;
    if (isObject(schema.properties) && Object.hasOwn(schema.properties, segment)) {
      node = schema.properties[segment];
      starred.push(segment);
    } else if (isObject(schema.items)) {
      node = schema.items;
      // List items are one fact whichever index shows them, as recordedValue() has it.
      starred.push('*');
    } else if (isObject(schema.additionalProperties)) {
      node = schema.additionalProperties;
      starred.push(segment);
    } else return undefined;
  }
  const parent = sides.resolve(node);
  if (typeof parent === 'boolean' || !isObject(parent.properties)) return undefined;
  // The top of a request or answer body is the message's members; an error body and anything below are structures of jsonNames.
  const renamed =
    node === root && side !== 'error'
      ? Object.fromEntries((side === 'request' ? contract.request : contract.response).members.filter((m) => m.location === 'body').map((m) => [m.member, m.wireName]))
      : renamedMembers(service.jsonNames, node === root ? errorType : sides.refName(node));
  const recorded = segments.at(-1)!;
  for (const [member, wireName] of Object.entries(renamed)) {
    if (wireName !== recorded && oldNameOf(member, recorded) && Object.hasOwn(parent.properties, wireName)) {
      return { pointer: formatPointer([...starred, recorded]), renamed: { member, wireName, syntax: 'json' } };
    }
  }
  return undefined;
}
