/**
 * One shape of a service model without reading the model's whole `shapes` record. A loaded
 * contract's wire model (format/wire-model.ts) makes that record, a plain copy of the file's
 * table, only when something reads it whole (drift, structuredClone, JSON); until then its
 * shapes are parsed one at a time on first read, through the lookup it registers here. The
 * codecs and the rest-xml router ask here, so the first exchange of a service parses the
 * shapes its operation reaches and not the whole model (S3's 718, a third of its file).
 */
import { ownValue } from '../../core/own.js';
import type { ServiceModel, Shape } from './model.js';

export interface OneAtATime {
  /** The shape called `name` (own entries only), or undefined. */
  shape(name: string): Shape | undefined;
  /** The names of every shape that may be an error (`exception` or `error`) and of maybe some more, in the record's order. */
  errorCandidates(): string[];
}

const oneAtATime = new WeakMap<object, OneAtATime>();

/** `model.shapes` is an accessor that makes the whole record; `lookup` answers without it. */
export function lookUpShapesOneAtATime(model: ServiceModel, lookup: OneAtATime): void {
  oneAtATime.set(model, lookup);
}

/** The lookup of a model whose whole `shapes` record has not been read (nor replaced) yet. */
function pending(model: ServiceModel): OneAtATime | undefined {
  const lookup = oneAtATime.get(model);
  // Once the whole record has been read (or replaced), it is the one truth.
  return lookup !== undefined && Object.getOwnPropertyDescriptor(model, 'shapes')?.get !== undefined ? lookup : undefined;
}

/** The shape called `name` (own entries only), or undefined. */
export function modelShape(model: ServiceModel, name: string): Shape | undefined {
  const lookup = pending(model);
  return lookup !== undefined ? lookup.shape(name) : ownValue(model.shapes, name);
}

/** The names of the shapes to look at for errors, in the record's order: every name, unless the model can tell which may be errors. */
export function errorShapeCandidates(model: ServiceModel): string[] {
  return pending(model)?.errorCandidates() ?? Object.keys(model.shapes);
}

/** Whether `model` has a `shapes` record, asked without making a one-at-a-time model read it whole. */
export function hasShapes(model: object): boolean {
  if (oneAtATime.has(model)) return true;
  const shapes = (model as Partial<ServiceModel>).shapes;
  return typeof shapes === 'object' && shapes !== null;
}
