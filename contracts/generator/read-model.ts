/**
 * Finds and reads botocore models: a `service-2.json` (plain or `.json.gz`), a service folder
 * (`apigateway/` holding `<apiVersion>/service-2.json`), or a whole botocore `data/` folder.
 */
import { createHash } from 'node:crypto';
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { basename, dirname, join, resolve, sep } from 'node:path';
import { gunzipSync } from 'node:zlib';
import { TapegateError } from '../../core/errors.js';
import type { BotocoreModel } from './botocore-model.js';

export interface ModelFile {
  /** botocore's name for the service: its folder name, else derived from `metadata.uid`. */
  service: string;
  /** The file as the user named it (for messages). */
  path: string;
  /** `<service>/<apiVersion>/service-2.json[.gz]`: where it sits in a botocore data folder. */
  relativePath: string;
  botocoreVersion: string | null;
  sha256: string;
  model: BotocoreModel;
}

const MODEL_NAMES = ['service-2.json', 'service-2.json.gz'];

/** Every model under `input`, newest api version per service, sorted by service name. */
export function findModelFiles(input: string): string[] {
  const full = resolve(input);
  if (!existsSync(full)) throw new TapegateError(`Failed to read botocore models "${input}": no such file or folder`, 2);
  if (statSync(full).isFile()) return [full];
  const direct = modelIn(full);
  if (direct) return [direct];
  const asService = newestVersion(full);
  if (asService) return [asService];
  const found = readdirSync(full, { withFileTypes: true })
    .filter((entry) => entry.isDirectory())
    .map((entry) => newestVersion(join(full, entry.name)))
    .filter((file): file is string => file !== null)
    .sort();
  if (found.length === 0) {
    throw new TapegateError(
      `Failed to read botocore models "${input}": expected a service-2.json(.gz), a service folder (<service>/<apiVersion>/service-2.json) or a botocore data folder, found none of them`,
      2,
    );
  }
  return found;
}

function modelIn(folder: string): string | null {
  for (const name of MODEL_NAMES) if (existsSync(join(folder, name))) return join(folder, name);
  return null;
}

/** botocore loads the newest api version of a service; so do we. Versions are dates, so they sort as text. */
function newestVersion(serviceFolder: string): string | null {
  const versions = readdirSync(serviceFolder, { withFileTypes: true })
    .filter((entry) => entry.isDirectory() && /^\d{4}-\d{2}-\d{2}$/.test(entry.name))
    .map((entry) => entry.name)
    .sort();
  for (const version of versions.reverse()) {
    const file = modelIn(join(serviceFolder, version));
    if (file) return file;
  }
  return null;
}

export function readModelFile(file: string, displayPath = file): ModelFile {
  let bytes: Buffer;
  try {
    bytes = readFileSync(file);
  } catch (error) {
    throw new TapegateError(`Failed to read botocore model "${displayPath}": ${(error as Error).message}`, 2);
  }
  const sha256 = createHash('sha256').update(bytes).digest('hex');
  let text: string;
  try {
    text = (file.endsWith('.gz') ? gunzipSync(bytes) : bytes).toString('utf8');
  } catch (error) {
    throw new TapegateError(`Failed to read botocore model "${displayPath}": not gzip data (${(error as Error).message})`, 2);
  }
  let model: unknown;
  try {
    model = JSON.parse(text);
  } catch (error) {
    throw new TapegateError(`Failed to read botocore model "${displayPath}": not JSON (${(error as Error).message})`, 2);
  }
  checkModelShape(model, displayPath);
  const apiVersion = model.metadata.apiVersion;
  const folderService = basename(dirname(dirname(file)));
  const inLayout = basename(dirname(file)) === apiVersion && folderService.length > 0;
  const service = inLayout ? folderService : serviceFromUid(model.metadata.uid, apiVersion, displayPath);
  return {
    service,
    path: displayPath,
    relativePath: [service, apiVersion, basename(file)].join('/'),
    botocoreVersion: botocoreVersionOf(file),
    sha256,
    model,
  };
}

function checkModelShape(model: unknown, path: string): asserts model is BotocoreModel {
  const fail = (what: string): never => {
    throw new TapegateError(`Failed to read botocore model "${path}": ${what}`, 2);
  };
  if (typeof model !== 'object' || model === null || Array.isArray(model)) fail('expected a JSON object');
  const m = model as Record<string, unknown>;
  if (typeof m.metadata !== 'object' || m.metadata === null) fail('no "metadata" object; is this a botocore service-2.json?');
  if (typeof m.operations !== 'object' || m.operations === null) fail('no "operations" object; is this a botocore service-2.json?');
  if (typeof m.shapes !== 'object' || m.shapes === null) fail('no "shapes" object; is this a botocore service-2.json?');
  const meta = m.metadata as Record<string, unknown>;
  if (typeof meta.apiVersion !== 'string') fail('"metadata.apiVersion" is missing');
}

function serviceFromUid(uid: string | undefined, apiVersion: string, path: string): string {
  if (uid && uid.endsWith(`-${apiVersion}`)) return uid.slice(0, -apiVersion.length - 1);
  throw new TapegateError(`Failed to read botocore model "${path}": cannot tell the service name (no <service>/<apiVersion>/ folders around it and no metadata.uid)`, 2);
}

/** botocore wheels and checkouts put the release in a folder name (`botocore-1.43.67`); use it when present. */
export function botocoreVersionOf(file: string): string | null {
  for (const part of resolve(file).split(sep).reverse()) {
    const match = /^botocore-(\d+\.\d+\.\d+)/.exec(part);
    if (match) return match[1] ?? null;
  }
  return null;
}
