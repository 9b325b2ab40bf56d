/**
 * The compact contract as text: the service header on the first line (contract-file.ts lists
 * a folder from that line alone), then one line per operation, message, error and shape, so a
 * regenerated file's `git diff` shows which shapes changed and nothing else.
 */
import { HEADER_KEYS, type CompactContract } from './compact-types.js';

/** The JSON names (rest-json, json) and the wire tables (query, rest-xml) come last and only for the services that have them. */
const TABLES = ['operations', 'messages', 'errors', 'shapes', 'jsonNames', 'wireOperations', 'wireShapes'] as const;

export function serializeContract(contract: CompactContract): string {
  const header: Record<string, unknown> = {};
  for (const key of HEADER_KEYS) if (contract[key] !== undefined) header[key] = contract[key];
  const lines = [`${JSON.stringify(header).slice(0, -1)},`, `"notes":${JSON.stringify(contract.notes)},`];
  if (contract.sensitiveOverlay) lines.push(`"sensitiveOverlay":${JSON.stringify(contract.sensitiveOverlay)},`);
  const tables = TABLES.filter((table) => contract[table] !== undefined);
  for (const [index, table] of tables.entries()) {
    const entries = Object.entries(contract[table] ?? {});
    lines.push(`${JSON.stringify(table)}:{`);
    entries.forEach(([name, value], i) => lines.push(`${JSON.stringify(name)}:${JSON.stringify(value)}${i < entries.length - 1 ? ',' : ''}`));
    lines.push(index < tables.length - 1 ? '},' : '}}');
  }
  return `${lines.join('\n')}\n`;
}
