/**
 * Before step 1: is this request meant for this proxy at all? A browser can be made to
 * send requests to 127.0.0.1 (a cross-site form, a fetch, or DNS rebinding: a name the
 * attacker controls that resolves to 127.0.0.1), and a recording proxy would re-sign them
 * with the user's credentials. Those requests give themselves away: a browser always sends
 * an `Origin` on cross-site POSTs and a Host naming the attacker's site, while SDKs send
 * no Origin and a Host naming the endpoint they were given. So, as local dev servers do,
 * a request carrying any `Origin`, or a Host that is not one of this proxy's own names, is
 * refused with 403 before anything is read, signed or forwarded.
 */
import type { IncomingMessage } from 'node:http';
import { isIP } from 'node:net';

export interface Admission {
  /** Host names (without port) a request may name: the loopback names, the listening host, the allow-list. */
  names: ReadonlySet<string>;
  port: number;
  /** Listening on every interface (--allow-remote): any IP literal is a name of this machine. */
  anyAddress: boolean;
}

const LOOPBACK_NAMES = ['localhost', '127.0.0.1', '::1'];

/**
 * AWS's own endpoint names: a client using tapegate as its HTTP proxy (absolute-form
 * targets) names the endpoint it wants in Host. No attacker can make these resolve to
 * 127.0.0.1 for a browser, so they are no rebinding risk; where such a request goes is still
 * tapegate's decision alone (the scope's endpoint or --upstream).
 */
const AWS_ENDPOINT_NAME = /\.(amazonaws\.com|amazonaws\.com\.cn|api\.aws)$/;

export function admission(host: string, port: number, allowedHosts: readonly string[]): Admission {
  const names = new Set([...LOOPBACK_NAMES, host.toLowerCase(), ...allowedHosts.map((name) => name.toLowerCase())]);
  return { names, port, anyAddress: host === '0.0.0.0' || host === '::' };
}

/** `host[:port]` or `[v6]:port` → its name and port (null port when absent). */
function splitHost(header: string): { name: string; port: number | null } | null {
  const match = /^(?:\[([0-9A-Fa-f:.]+)\]|([^:[\]]+))(?::(\d{1,5}))?$/.exec(header.trim());
  if (match === null) return null;
  return { name: (match[1] ?? match[2] ?? '').toLowerCase(), port: match[3] === undefined ? null : Number(match[3]) };
}

/** An S3 bucket name (3 to 63 of `a-z 0-9 . -`), as an SDK puts it in front of the endpoint host, virtual-hosted. */
const BUCKET_LABEL = /^[a-z0-9][a-z0-9.-]{1,61}[a-z0-9]$/;

/**
 * `bucket-a.localhost`: an S3 client addressing a bucket virtual-hosted on an endpoint that is
 * one of this proxy's names (not an IP address, which has no subdomains). Another site cannot
 * use it to rebind: `localhost`'s subdomains are loopback (RFC 6761), and the other names are
 * the ones the user allowed, whose subdomains are theirs too.
 */
function bucketLabelled(name: string, names: ReadonlySet<string>): boolean {
  for (const own of names) {
    if (isIP(own) !== 0 || !name.endsWith('.' + own)) continue;
    if (BUCKET_LABEL.test(name.slice(0, -own.length - 1))) return true;
  }
  return false;
}

/** Why `req` is refused, or null when it is meant for this proxy. */
export function foreignRequest(req: IncomingMessage, admit: Admission): string | null {
  if (req.headers.origin !== undefined) return 'it carries an Origin header (SDKs send none; browsers do, cross-site)';
  const header = req.headers.host;
  // HTTP/1.0 clients may send no Host; a browser always sends one.
  if (header === undefined) return null;
  const host = splitHost(header);
  if (host !== null && AWS_ENDPOINT_NAME.test(host.name)) return null;
  const known = host !== null && (admit.names.has(host.name) || (admit.anyAddress && isIP(host.name) !== 0) || bucketLabelled(host.name, admit.names));
  if (!known || (host.port !== null && host.port !== admit.port)) {
    return 'its Host names another server (allow a name with --allow-host)';
  }
  return null;
}
