/**
 * What each mode starts from: replay reads the cassette (never touching a journal beside
 * it, which may belong to a recording in progress); record opens a journal for a new
 * cassette (refusing an existing one unless forced); auto opens a journal holding what the
 * cassette already has (recovering a journal a crash left); passthrough opens nothing.
 */
import { mkdir, stat } from 'node:fs/promises';
import { dirname } from 'node:path';
import { createHeader, type CassetteHeader } from '../cassettes/format/format.js';
import { openJournal, type CassetteWriter } from '../cassettes/format/journal.js';
import { readCassette } from '../cassettes/format/store.js';
import type { ContractSet } from '../contracts/load.js';
import { TapegateError } from '../core/errors.js';
import type { Exchange } from '../core/exchange.js';
import { toolVersion } from '../core/package-root.js';
import type { ProxySettings } from './options.js';

export interface OpenedCassette {
  /** The exchanges the cassette holds already (replay and auto). */
  existing: Exchange[];
  /** Whether its account ids were written as placeholders, as its header says. */
  accountIdsRedacted: boolean;
  /** When the cassette that was there had been recorded; null for a new one. */
  createdAt: string | null;
  /** The journal to append to; null in replay and passthrough. */
  writer: CassetteWriter | null;
}

async function exists(file: string): Promise<boolean> {
  return stat(file).then(
    () => true,
    () => false,
  );
}

function newHeader(contracts: ContractSet, accountIds: boolean): CassetteHeader {
  const header = createHeader({ toolVersion: toolVersion(), services: contracts.services.map((s) => ({ service: s.service, apiVersion: s.apiVersion })) });
  return accountIds ? { ...header, redaction: { accountIds: true } } : header;
}

export async function openCassette(settings: ProxySettings): Promise<OpenedCassette> {
  const { mode, cassette: file, contracts } = settings;
  if (file === null) return { existing: [], accountIdsRedacted: false, createdAt: null, writer: null };
  if (mode === 'replay') {
    const { header, exchanges } = await readCassette(file, { recoverJournal: false });
    return { existing: exchanges, accountIdsRedacted: header.redaction?.accountIds === true, createdAt: header.createdAt, writer: null };
  }
  await mkdir(dirname(file), { recursive: true });
  if (mode === 'record' || (!(await exists(file)) && !(await exists(file + '.journal')))) {
    if (mode === 'record' && !settings.force && (await exists(file))) {
      throw new TapegateError(`Failed to record "${file}": the cassette exists; pass --force to overwrite it, or use another mode: auto adds to it, once replays it`, 2);
    }
    const accountIds = settings.redact.accountIds === true;
    return { existing: [], accountIdsRedacted: accountIds, createdAt: null, writer: await openJournal(file, newHeader(contracts, accountIds)) };
  }
  // auto on an existing cassette (or the journal a crashed recording left: auto carries on from it).
  const { header, exchanges } = await readCassette(file);
  const known = new Set(header.services.map((s) => s.service));
  const added = newHeader(contracts, false).services.filter((s) => !known.has(s.service));
  const accountIds = settings.redact.accountIds ?? header.redaction?.accountIds === true;
  const merged: CassetteHeader = { ...header, services: [...header.services, ...added], ...(accountIds ? { redaction: { accountIds: true } } : {}) };
  return { existing: exchanges, accountIdsRedacted: accountIds, createdAt: header.createdAt, writer: await openJournal(file, merged, exchanges) };
}
