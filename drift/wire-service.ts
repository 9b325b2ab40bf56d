/**
 * What a service as a whole says about the wire, compared for each operation both sides have:
 * the protocol (and a json service's version), a json service's `X-Amz-Target` prefix and its
 * `awsQueryCompatible` error codes, the XML namespace of a query or rest-xml service's answers.
 * Each is reported once per operation, since each operation's requests or answers change.
 */
import type { ServiceContract } from '../contracts/types.js';
import type { PlacedWireChange } from './wire-xml.js';

function protocolOf(service: ServiceContract): string {
  return service.protocol === 'json' ? `json ${service.jsonVersion ?? '1.0'}` : service.protocol;
}

/** A protocol change first: when it is there, the member-level comparisons have nothing alike to compare. */
export function serviceWireChanges(a: ServiceContract, b: ServiceContract, operation: string): { protocolChanged: boolean; changes: PlacedWireChange[] } {
  const changes: PlacedWireChange[] = [];
  const protocolA = protocolOf(a);
  const protocolB = protocolOf(b);
  if (protocolA !== protocolB) {
    changes.push({
      raw: { code: 'protocol-changed', pointer: '', path: [], before: protocolA, after: protocolB, spelled: { before: protocolA, after: protocolB } },
      side: 'request',
    });
    return { protocolChanged: true, changes };
  }
  if (a.protocol === 'json' && a.targetPrefix !== b.targetPrefix) {
    const targetA = `${a.targetPrefix ?? ''}.${operation}`;
    const targetB = `${b.targetPrefix ?? ''}.${operation}`;
    const spelled = { before: `"${targetA}"`, after: `"${targetB}"` };
    changes.push({ raw: { code: 'target-prefix-changed', pointer: '/headers/x-amz-target', path: [], before: targetA, after: targetB, spelled }, side: 'request' });
  }
  if (a.protocol === 'json' && (a.awsQueryCompatible === true) !== (b.awsQueryCompatible === true)) {
    const raw = {
      pointer: '/headers/x-amzn-query-error',
      path: [],
      before: a.awsQueryCompatible === true,
      after: b.awsQueryCompatible === true,
      explains: ['/headers/x-amzn-query-error'],
    };
    changes.push({ raw: { code: 'query-compatible-changed', ...raw }, side: 'error' });
  }
  const namespaceA = a.wireModel?.metadata.xmlNamespace;
  const namespaceB = b.wireModel?.metadata.xmlNamespace;
  if (namespaceA !== namespaceB) {
    const spelled = { before: namespaceA === undefined ? 'none' : `"${namespaceA}"`, after: namespaceB === undefined ? 'none' : `"${namespaceB}"` };
    changes.push({ raw: { code: 'xml-namespace-changed', pointer: '/body', path: [], before: namespaceA ?? null, after: namespaceB ?? null, spelled }, side: 'response' });
  }
  return { protocolChanged: false, changes };
}
