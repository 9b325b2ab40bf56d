/**
 * Bench fixture: two botocore `data/` folders to run `drift` and `contracts generate` on at
 * the scale of a whole release. Nothing here is committed data; the folders are found or
 * made at run time:
 *  - `TAPEGATE_BOTOCORE_FROM` and `TAPEGATE_BOTOCORE_TO`: two real releases' data folders
 *    (e.g. the `botocore/data` of two unpacked botocore wheels);
 *  - otherwise the newest is the botocore that `python3 -c "import botocore"` finds (a whole
 *    release, as pip installs it), else the models beside the project (../shared/models,
 *    or TAPEGATE_MODELS); and the older one is written by `olderRelease` into a temporary
 *    folder: every rest-json model of the newest with the kinds of change AWS makes between
 *    releases undone (an operation it added, a member, an enum value, a relaxed limit), and
 *    API Gateway v1 and v2 replaced by their real older models where the shared models have them.
 */
import { execFileSync } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { gunzipSync } from 'node:zlib';
import { findModelFiles } from '../contracts/generator/read-model.js';
import { supportedProtocol } from '../contracts/protocols/index.js';
import type { BotocoreModel } from '../contracts/generator/botocore-model.js';
import { packageRoot } from '../core/package-root.js';

export interface Release {
  /** The data folder. */
  path: string;
  /** Where it came from, for the report. */
  label: string;
}

export function sharedModels(): string {
  return resolve(process.env.TAPEGATE_MODELS ?? join(packageRoot(), '..', 'shared', 'models'));
}

/** The newest whole release this machine has. */
export function newestRelease(): Release {
  if (process.env.TAPEGATE_BOTOCORE_TO) return { path: resolve(process.env.TAPEGATE_BOTOCORE_TO), label: 'TAPEGATE_BOTOCORE_TO' };
  try {
    const found = execFileSync('python3', ['-c', 'import botocore, os; print(botocore.__version__); print(os.path.join(os.path.dirname(botocore.__file__), "data"))'], {
      encoding: 'utf8',
      stdio: ['ignore', 'pipe', 'ignore'],
    })
      .trim()
      .split('\n');
    if (found.length === 2 && existsSync(found[1]!)) return { path: found[1]!, label: `botocore ${found[0]} (python3's)` };
  } catch {
    // No python3 or no botocore: fall back to the shared models.
  }
  const shared = join(sharedModels(), 'botocore-1.43.67');
  if (!existsSync(shared)) throw new Error('bench: no botocore data found (set TAPEGATE_BOTOCORE_TO, install botocore for python3, or put the models in ../shared/models)');
  return { path: shared, label: 'botocore 1.43.67 (../shared/models)' };
}

/** The older release: TAPEGATE_BOTOCORE_FROM, or one derived from the newest into `folder`. */
export function olderRelease(newest: Release, folder: string): Release & { derived: number } {
  if (process.env.TAPEGATE_BOTOCORE_FROM) return { path: resolve(process.env.TAPEGATE_BOTOCORE_FROM), label: 'TAPEGATE_BOTOCORE_FROM', derived: 0 };
  const real: Record<string, string> = {
    apigateway: join(sharedModels(), 'botocore-1.29.39', 'apigateway', '2015-07-09', 'service-2.json'),
    apigatewayv2: join(sharedModels(), 'botocore-1.21.19', 'apigatewayv2', '2018-11-29', 'service-2.json'),
  };
  let derived = 0;
  for (const file of findModelFiles(newest.path)) {
    const parts = file.split(/[\\/]/);
    const [service, version] = [parts.at(-3)!, parts.at(-2)!];
    const bytes = readFileSync(file);
    const model = JSON.parse((file.endsWith('.gz') ? gunzipSync(bytes) : bytes).toString('utf8')) as BotocoreModel;
    if (supportedProtocol(model.metadata) === null) continue;
    const target = join(folder, service, version);
    mkdirSync(target, { recursive: true });
    const older = real[service] && existsSync(real[service]) ? readFileSync(real[service], 'utf8') : JSON.stringify(undoChanges(model));
    writeFileSync(join(target, 'service-2.json'), older);
    derived += 1;
  }
  return { path: folder, label: `derived from ${newest.label}`, derived };
}

/**
 * The newest model as it might have been a release earlier: its last operation not there
 * yet, the last member of every tenth structure missing, the last value of every fifth
 * enum missing, and every seventh length limit tighter. Deterministic, so runs compare.
 */
function undoChanges(model: BotocoreModel): BotocoreModel {
  const operations = Object.keys(model.operations).sort();
  if (operations.length > 1) delete model.operations[operations.at(-1)!];
  let structures = 0;
  let enums = 0;
  let limits = 0;
  for (const shape of Object.values(model.shapes)) {
    if (shape.type === 'structure' && shape.members && structures++ % 10 === 0) {
      const members = Object.keys(shape.members).filter((name) => !shape.required?.includes(name));
      if (members.length > 1) delete shape.members[members.at(-1)!];
    }
    if (shape.enum && shape.enum.length > 1 && enums++ % 5 === 0) shape.enum = shape.enum.slice(0, -1);
    if (shape.type === 'string' && typeof shape.max === 'number' && shape.max > 1 && limits++ % 7 === 0) shape.max -= 1;
  }
  return model;
}
