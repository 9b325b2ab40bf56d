/**
 * The published JSON Schema of `tapegate.config.json` (schemas/tapegate.config.schema.json,
 * the same file editors use through "$schema"), compiled once with ajv. `patternErrorMessage`
 * and `errorMessage` are the VS Code extensions that word a failure for people; ajv is told
 * they are annotations so its strict mode accepts them.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import AjvModule, { type ValidateFunction } from 'ajv';
import { packageRoot } from '../../core/package-root.js';

// ajv is CommonJS with a `default` export.
const Ajv = AjvModule.default;

export function configSchemaPath(): string {
  return join(packageRoot(), 'schemas', 'tapegate.config.schema.json');
}

let compiled: ValidateFunction | undefined;

export function configSchemaValidator(): ValidateFunction {
  if (compiled) return compiled;
  const schema = JSON.parse(readFileSync(configSchemaPath(), 'utf8')) as object;
  const ajv = new Ajv({ allErrors: true, verbose: true, strict: true });
  ajv.addKeyword('patternErrorMessage');
  ajv.addKeyword('errorMessage');
  compiled = ajv.compile(schema);
  return compiled;
}
