/**
 * Which steps of the request flow each mode runs. Every request goes through the same
 * pipeline (pipeline.ts) in this order; a mode only switches steps on or off:
 *
 * | step      | replay          | record | auto                 | passthrough |
 * |-----------|-----------------|--------|----------------------|-------------|
 * | read      | yes             | yes    | yes                  | yes         |
 * | route     | yes             | yes    | yes                  | yes         |
 * | match     | hit or miss     | -      | hit, else forward    | -           |
 * | forward   | -               | yes    | on a miss            | yes         |
 * | redact    | -               | yes    | on a miss            | yes         |
 * | record    | -               | yes    | on a miss            | -           |
 * | answer    | yes             | yes    | yes                  | yes         |
 * | validate  | served, lazily  | yes    | recorded ones        | yes         |
 *
 * Replay validates the exchanges it served when findings are asked for (each distinct
 * exchange once: its bytes never change), so a hit costs nothing more than its write.
 */
export const PROXY_MODES = ['replay', 'record', 'auto', 'passthrough'] as const;
export type ProxyMode = (typeof PROXY_MODES)[number];

export interface ModeSteps {
  /** Look the request up in the cassette; `miss` says what a miss does. */
  match: { miss: 'answer' | 'forward' } | null;
  /** Send misses (or everything) upstream, re-signed. */
  forward: boolean;
  /** Append forwarded exchanges to the cassette's journal. */
  record: boolean;
  /** Validate what was forwarded right after answering (replay validates lazily instead). */
  validateForwarded: boolean;
}

export const MODE_STEPS: Record<ProxyMode, ModeSteps> = {
  replay: { match: { miss: 'answer' }, forward: false, record: false, validateForwarded: false },
  record: { match: null, forward: true, record: true, validateForwarded: true },
  auto: { match: { miss: 'forward' }, forward: true, record: true, validateForwarded: true },
  passthrough: { match: null, forward: true, record: false, validateForwarded: true },
};
