/**
 * Region → AWS partition, from the AWS SDK's own partition data (`partition()` of
 * `@aws-sdk/core/client`, the function every v3 client's endpoint rules call as
 * `aws.partition`), so a partition AWS adds (`aws-eusc`, the ISO ones) is known as soon as the
 * SDK is, and no table of tapegate's own goes stale.
 *
 * The SDK's function never fails: a string no partition lists or matches gets the `aws`
 * partition, since an SDK client is told its region by its user. tapegate is told its region
 * by whoever sends it a request, so it takes only what the SDK's data lists (a listed region
 * comes back with its `description`; the fallback without one), and only a plain DNS label:
 * `evil.com` or `us-east-1.attacker` never become part of a host name. The partitions' own
 * `*-global` pseudo-regions are no signing region and are refused too.
 */
import { partition } from '@aws-sdk/core/client';

export interface Partition {
  /** `aws`, `aws-cn`, `aws-us-gov`, `aws-eusc`, `aws-iso`, … */
  name: string;
  /** `amazonaws.com`, `amazonaws.com.cn`, `amazonaws.eu`, `c2s.ic.gov`, … */
  dnsSuffix: string;
  /** The region a global endpoint of the partition is signed for (`us-east-1` in `aws`). */
  globalRegion: string;
}

/** One DNS label, lower case: what may stand between two dots of a host name. */
const HOST_LABEL = /^[a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?$/;

/** What the SDK returns beyond its declared type for a region its data lists. */
interface ListedRegion {
  description?: unknown;
  implicitGlobalRegion?: unknown;
}

/** The partition of `region` as the AWS SDK knows it, or null when the SDK's data does not list it. */
export function partitionOf(region: string): Partition | null {
  if (!HOST_LABEL.test(region) || region.endsWith('-global')) return null;
  const found = partition(region);
  const listed = found as typeof found & ListedRegion;
  if (typeof listed.description !== 'string') return null;
  return { name: found.name, dnsSuffix: found.dnsSuffix, globalRegion: typeof listed.implicitGlobalRegion === 'string' ? listed.implicitGlobalRegion : region };
}
