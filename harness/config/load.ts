/**
 * `loadConfig(path?, cwd?)`: reads `tapegate.config.json` (or the file named), checks it
 * against the published schema and the contracts, and returns it with defaults filled in.
 * No file named and none in `cwd`: the defaults. Any mistake is bad input (exit 2) whose
 * message names every wrong key: `Failed to read config "tapegate.config.json": /failOn
 * must be one of error, warn, never (got "fatal")`.
 */
import { readFileSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { ioError } from '../../cassettes/format/store-errors.js';
import type { ContractSet } from '../../contracts/load.js';
import { configuredContracts } from './contracts.js';
import type { RepeatPolicy } from '../../proxy/options.js';
import { TapegateError } from '../../core/errors.js';
import { parseJsonText } from './json-text.js';
import { schemaProblems } from './schema-messages.js';
import { configSchemaValidator } from './schema.js';
import { CONFIG_FILE_NAME, defaultConfig, type TapegateConfig } from './types.js';
import type { FailOn } from '../../core/findings.js';
import { byteSize, contractsFolders, unknownOperations, upstreamUrl } from './values.js';

export interface LoadConfigOptions {
  /**
   * The contracts ignoreBody's operation ids are checked against (a `--contracts` flag's).
   * Default: the bundled ones with the config's own `contracts` folders beside them.
   */
  contracts?: ContractSet;
}

/** The file as the schema lets it be: every key optional. */
interface ConfigFile {
  matchHeaders?: string[];
  ignoreBody?: Record<string, string[]>;
  repeat?: RepeatPolicy;
  redaction?: { accountIds?: boolean; extraHeaders?: string[] };
  upstream?: string;
  contracts?: string | string[];
  cassettes?: string;
  failOn?: FailOn;
  maxBodyBytes?: number | string;
}

function bad(name: string, reason: string): TapegateError {
  return new TapegateError(`Failed to read config "${name}": ${reason}`, 2);
}

function readText(file: string, name: string, explicit: boolean): string | undefined {
  try {
    return readFileSync(file, 'utf8');
  } catch (error) {
    // Only a file someone named has to exist; the default one is optional.
    if (!explicit && (error as NodeJS.ErrnoException).code === 'ENOENT') return undefined;
    throw ioError('read config', name, error);
  }
}

export function loadConfig(path?: string, cwd: string = process.cwd(), options: LoadConfigOptions = {}): TapegateConfig {
  const name = path ?? CONFIG_FILE_NAME;
  const file = resolve(cwd, name);
  const text = readText(file, name, path !== undefined);
  if (text === undefined) return defaultConfig();

  const parsed = parseJsonText(text);
  if (!parsed.ok) throw bad(name, parsed.reason);
  const validate = configSchemaValidator();
  if (!validate(parsed.value)) throw bad(name, schemaProblems(validate.errors ?? []).join('; '));

  const raw = parsed.value as ConfigFile;
  // Relative folders mean relative to the file, wherever tapegate runs from (as in tsconfig).
  const base = dirname(file);
  const problems: string[] = [];
  const config = defaultConfig();
  config.file = file;
  config.fileKeys = Object.keys(raw).filter((key) => key !== '$schema');
  config.matchHeaders = raw.matchHeaders ?? config.matchHeaders;
  config.ignoreBody = raw.ignoreBody ?? config.ignoreBody;
  config.repeat = raw.repeat ?? config.repeat;
  config.redaction = { ...config.redaction, ...raw.redaction };
  config.failOn = raw.failOn ?? config.failOn;
  if (raw.cassettes !== undefined) config.cassettes = resolve(base, raw.cassettes);
  if (raw.upstream !== undefined) config.upstream = upstreamUrl(raw.upstream, problems) ?? null;
  if (raw.maxBodyBytes !== undefined) config.maxBodyBytes = byteSize(raw.maxBodyBytes, problems) ?? config.maxBodyBytes;
  if (raw.contracts !== undefined) config.contracts = contractsFolders(raw.contracts, base, problems);

  // Checked only once the contracts themselves are sound: a missing folder is the one problem to name.
  if (Object.keys(config.ignoreBody).length > 0 && problems.length === 0) {
    const contracts = options.contracts ?? configuredContracts(config);
    problems.push(...unknownOperations(config.ignoreBody, contracts));
  }
  if (problems.length > 0) throw bad(name, problems.join('; '));
  return config;
}
