/**
 * How a request is named in a log line or an error message: method and path, nothing else.
 * Query strings carry tokens and signatures (`?access_token=…`, presigned URLs), an
 * absolute-form target can carry `user:password@`, and a path segment can itself be
 * secret-shaped; logs end up in CI output that many people read. So every line about a
 * request goes through `requestLabel`, which keeps the path, masks what looks secret in it,
 * and drops the rest.
 */
import { oneLine } from '../../core/text.js';
import { maskSecretShapes } from './secret-patterns.js';

/** Shown instead of a secret-shaped part of a path or host. */
export const MASK = '<hidden>';

/** Paths longer than this are cut in labels (a label names a request, it does not quote it). */
const MAX_PATH_CHARS = 200;

/** `/path` of a request target in origin or absolute form, without query, fragment or authority. */
export function pathOf(target: string): string {
  let path = target;
  const scheme = /^[A-Za-z][A-Za-z0-9+.-]*:\/\/[^/?#]*/.exec(path);
  if (scheme !== null) path = path.slice(scheme[0].length) || '/';
  const end = path.search(/[?#]/);
  if (end !== -1) path = path.slice(0, end);
  return path === '' ? '/' : path;
}

/** `GET /restapis/a1`: the method and the path of `target`, secret-shaped parts masked, on one line. */
export function requestLabel(method: string | undefined, target: string | undefined): string {
  const path = maskSecretShapes(pathOf(target ?? '/'), MASK);
  const cut = path.length > MAX_PATH_CHARS ? `${path.slice(0, MAX_PATH_CHARS - 1)}…` : path;
  return oneLine(`${(method ?? '?').toUpperCase()} ${cut}`);
}

/** The host (and port) of an authority, without `user:password@`. */
export function hostLabel(authority: string): string {
  const at = authority.lastIndexOf('@');
  return oneLine(maskSecretShapes(at === -1 ? authority : authority.slice(at + 1), MASK));
}
