/**
 * The query form of a json service that was a query service (`awsQueryCompatible`: SQS). Its
 * older SDKs still send `Action=SendMessage&MessageAttribute.1.Name=…` and read
 * `<ReceiveMessageResult><Message><Attribute><Name>…` answers; the json model names neither, so
 * the contract's wire model is the json model with the query names of the service's overlay
 * (contracts/overlays.ts, `queryWire`) laid over it. The json model's shapes, members and types
 * stay what they are: the overlay adds wire names and error codes, nothing else, and a name for
 * a shape or member the model lacks is a note (an older or newer model), not an error.
 */
import { setOwn } from '../../core/own.js';
import type { QueryWireOverlay, QueryWireTraits } from '../overlays.js';
import type { BotocoreModel, BotocoreShape } from './botocore-model.js';

/** `model` with the overlay's query traits laid over a copy of each shape it names; the model itself is not changed. */
export function withQueryWireNames(model: BotocoreModel, overlay: QueryWireOverlay, notes: string[]): BotocoreModel {
  const shapes: Record<string, BotocoreShape> = { ...model.shapes };
  for (const [name, traits] of Object.entries(overlay.shapes)) {
    const shape = Object.hasOwn(shapes, name) ? shapes[name]! : undefined;
    if (shape === undefined) {
      notes.push(`query wire overlay: this model has no shape ${name}`);
      continue;
    }
    const patched: BotocoreShape = { ...shape, ...pickTraits(traits) };
    if (traits.error !== undefined) patched.error = { ...shape.error, ...traits.error };
    for (const key of ['member', 'key', 'value'] as const) {
      const ref = shape[key];
      const extra = traits[key];
      if (extra === undefined) continue;
      if (ref === undefined) notes.push(`query wire overlay: shape ${name} has no ${key}`);
      else patched[key] = { ...ref, ...pickTraits(extra) };
    }
    if (traits.members !== undefined) {
      const members = { ...shape.members };
      for (const [member, extra] of Object.entries(traits.members)) {
        const ref = Object.hasOwn(members, member) ? members[member] : undefined;
        if (ref === undefined) notes.push(`query wire overlay: this model has no member ${name}.${member}`);
        else setOwn(members, member, { ...ref, ...pickTraits(extra) });
      }
      patched.members = members;
    }
    setOwn(shapes, name, patched);
  }
  return { ...model, shapes };
}

/** The wire traits only, whatever else an entry holds. */
function pickTraits(traits: QueryWireTraits): QueryWireTraits {
  const out: QueryWireTraits = {};
  if (traits.locationName !== undefined) out.locationName = traits.locationName;
  if (traits.flattened !== undefined) out.flattened = traits.flattened;
  return out;
}
