/**
 * Works out what `--from` / `--to` name and loads it: a botocore model (a `service-2.json`,
 * `.json.gz`, or a folder of them: generated into contracts in memory), a tapegate contract
 * file or folder, or a cassette (`.cassette`, or a folder of them). Anything else is bad
 * input (exit 2) with a message that says what was expected.
 */
import { closeSync, existsSync, openSync, readdirSync, readFileSync, readSync, statSync } from 'node:fs';
import { basename, join } from 'node:path';
import { CASSETTE_EXTENSION, CASSETTE_MAGIC } from '../cassettes/format/format.js';
import { readCassette } from '../cassettes/format/store.js';
import { readContractFile } from '../contracts/load.js';
import { findModelFiles, readModelFile } from '../contracts/generator/read-model.js';
import { serviceContract } from '../contracts/generator/service-contract.js';
import { TapegateError } from '../core/errors.js';
import { modelInputs } from './model-inputs.js';
import type { CassetteSource, ContractInputs, DriftInput, DriftSource } from './sources.js';

const EXPECTED = 'expected a botocore model (service-2.json, .json.gz or a folder of them), a tapegate contracts file or folder, or a cassette (.cassette or a folder of them)';

function badInput(path: string, reason: string): TapegateError {
  return new TapegateError(`Failed to read drift input "${path}": ${reason}`, 2);
}

/** The input, loaded; a botocore data folder with all its services generated at once. */
export async function loadDriftSource(path: string): Promise<DriftSource> {
  return loadedSource(await openDriftInput(path));
}

/** The input, loaded, except a botocore data folder: that one is listed, to be generated service by service. */
export async function openDriftInput(path: string): Promise<DriftInput> {
  if (!existsSync(path)) throw badInput(path, 'no such file or folder');
  return statSync(path).isDirectory() ? loadFolder(path) : loadFile(path);
}

export function loadedSource(input: DriftInput): DriftSource {
  if (input.kind !== 'models') return input;
  return { kind: 'contracts', origin: 'botocore', path: input.path, services: input.inputs.map((service) => service.load()) };
}

/** Either side of a contracts comparison as services to load one at a time. */
export function contractInputs(input: Exclude<DriftInput, { kind: 'cassettes' }>): ContractInputs {
  if (input.kind === 'models') return input;
  const inputs = input.services.map((contract) => ({
    service: contract.service,
    apiVersion: contract.apiVersion,
    provenance: contract.provenance,
    load: () => contract,
  }));
  return { origin: input.origin, path: input.path, inputs };
}

async function loadFile(path: string): Promise<DriftInput> {
  if (path.endsWith(CASSETTE_EXTENSION) || startsWithMagic(path)) {
    return { kind: 'cassettes', path, cassettes: [await loadCassette(path, path)] };
  }
  if (path.endsWith('.gz')) return fromModels(path);
  let parsed: unknown;
  try {
    parsed = JSON.parse(readFileSync(path, 'utf8'));
  } catch {
    throw badInput(path, `not JSON and not a cassette; ${EXPECTED}`);
  }
  if (isObject(parsed) && parsed.format === 'tapegate-contracts') {
    return { kind: 'contracts', origin: 'contracts', path, services: [readContractFile(path)] };
  }
  if (isObject(parsed) && isObject(parsed.metadata) && isObject(parsed.operations) && isObject(parsed.shapes)) return fromModels(path);
  throw badInput(path, `a JSON file that is neither a botocore model nor tapegate contracts; ${EXPECTED}`);
}

async function loadFolder(path: string): Promise<DriftInput> {
  const names = readdirSync(path).sort();
  const cassettes = names.filter((name) => name.endsWith(CASSETTE_EXTENSION));
  if (cassettes.length > 0) {
    const loaded = [];
    for (const name of cassettes) loaded.push(await loadCassette(join(path, name), name));
    return { kind: 'cassettes', path, cassettes: loaded };
  }
  const contractFiles = names.filter((name) => name.endsWith('.json') && isContractFile(join(path, name)));
  if (contractFiles.length > 0) {
    return { kind: 'contracts', origin: 'contracts', path, services: contractFiles.map((name) => readContractFile(join(path, name))) };
  }
  try {
    return fromModels(path);
  } catch (error) {
    if (error instanceof TapegateError && /expected a service-2\.json/.test(error.message)) throw badInput(path, `found none of them; ${EXPECTED}`);
    throw error;
  }
}

function fromModels(path: string): DriftInput {
  const files = findModelFiles(path);
  // A model named on its own must be rest-json; a whole data folder holds other protocols
  // too, and hundreds of services: those are listed and generated one at a time.
  if (files.length > 1) return { kind: 'models', origin: 'botocore', path, inputs: modelInputs(files) };
  return { kind: 'contracts', origin: 'botocore', path, services: [serviceContract(readModelFile(files[0]!, path))] };
}

async function loadCassette(file: string, name: string): Promise<CassetteSource> {
  // Never recover a journal here: drift only reads, and another process may be recording.
  const cassette = await readCassette(file, { recoverJournal: false });
  return { name: name === file ? basename(file) : name, header: cassette.header, exchanges: cassette.exchanges };
}

/** The first bytes of a file, without reading megabytes to look at a signature. */
function head(file: string, length: number): Buffer {
  const handle = openSync(file, 'r');
  try {
    const buffer = Buffer.alloc(length);
    return buffer.subarray(0, readSync(handle, buffer, 0, length, 0));
  } finally {
    closeSync(handle);
  }
}

function startsWithMagic(file: string): boolean {
  const bytes = head(file, CASSETTE_MAGIC.length);
  return bytes.length === CASSETTE_MAGIC.length && CASSETTE_MAGIC.every((byte, i) => bytes[i] === byte);
}

/** The generator writes `format` first; a hand-written file may be compact. */
function isContractFile(file: string): boolean {
  return /^\s*\{\s*"format"\s*:\s*"tapegate-contracts"/.test(head(file, 256).toString('utf8'));
}

function isObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}
