/**
 * The shape of one operation's implementation: routed labels, query and parsed body in, a
 * status and a wire body out. Failures are thrown `AwsError`s. The status is written here by
 * hand, from AWS's behaviour, not taken from the contracts the fake exists to check.
 */
import type { JsonObject } from './input.js';
import type { FakeState } from './state.js';

export interface HandlerContext {
  /** Decoded URI labels by their wire name (`restapi_id`, `apiId`). */
  labels: Record<string, string>;
  query: Record<string, string[]>;
  body: JsonObject;
  state: FakeState;
}

export interface HandlerResult {
  status: number;
  /** JSON body; absent for an empty body. */
  body?: unknown;
}

export type Handler = (context: HandlerContext) => HandlerResult;

/** A label the router guarantees for this operation. */
export function label(context: HandlerContext, name: string): string {
  const value = context.labels[name];
  if (value === undefined) throw new Error(`fake API Gateway: route gave no label "${name}"`);
  return value;
}
