/**
 * `null` is absent. botocore's and the SDKs' JSON parsers drop a member whose value is `null`
 * (Smithy's protocol tests: null structure and dense-map values are skipped), and AWS and its
 * emulators send them. So a body is validated without its null members: a null optional
 * member is no violation, a null required one is `missing-required`. What was dropped is
 * collected as pointers, for one `null-member` info finding per exchange. Null list elements
 * stay (dropping them would shift every later index a finding names).
 */
import { escape } from './ajv-findings.js';
import { setOwn } from '../core/own.js';

/**
 * `value` without its null object members, at any depth; `dropped` gets their pointers
 * (prefixed with `at`). The value is copied only where something is dropped: the recorded
 * exchange is never changed.
 */
export function withoutNullMembers(value: unknown, at: string, dropped: string[]): unknown {
  if (typeof value !== 'object' || value === null) return value;
  if (Array.isArray(value)) {
    let copy: unknown[] | undefined;
    for (let i = 0; i < value.length; i++) {
      const item: unknown = value[i];
      const next = withoutNullMembers(item, `${at}/${i}`, dropped);
      if (next !== item) (copy ??= value.slice())[i] = next;
    }
    return copy ?? value;
  }
  const record = value as Record<string, unknown>;
  let copy: Record<string, unknown> | undefined;
  const names = Object.keys(record);
  for (const [index, name] of names.entries()) {
    const member = record[name];
    const pointer = `${at}/${escape(name)}`;
    const next = member === null ? undefined : withoutNullMembers(member, pointer, dropped);
    if (member === null) dropped.push(pointer);
    if (next === member) {
      if (copy) setOwn(copy, name, member);
      continue;
    }
    if (!copy) {
      copy = {};
      for (const before of names.slice(0, index)) setOwn(copy, before, record[before]);
    }
    if (next !== undefined) setOwn(copy, name, next);
  }
  return copy ?? value;
}

/** Pointers listed in a `null-member` message before `and N more`. */
const SHOWN = 10;

/** The sentence of the one `null-member` finding: every dropped pointer, side by side. */
export function nullMembersMessage(dropped: readonly { side: string; pointer: string }[]): string {
  const listed = dropped
    .slice(0, SHOWN)
    .map(({ side, pointer }) => `${side} ${pointer}`)
    .join(', ');
  const more = dropped.length > SHOWN ? `, and ${dropped.length - SHOWN} more` : '';
  const noun = dropped.length === 1 ? 'member is' : 'members are';
  return `${dropped.length} null ${noun} treated as absent, as the SDKs' parsers drop them: ${listed}${more}`;
}
