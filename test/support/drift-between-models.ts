/**
 * Drift between two versions of one made-up botocore model: each is written to a data folder
 * of its own (`<root>/a`, `<root>/b`), laid out as botocore's, and drift compares the two
 * service folders, as a user comparing two botocore releases would.
 */
import { join } from 'node:path';
import { runDrift } from '../../drift/run.js';
import type { DriftReport } from '../../drift/types.js';
import { writeBotocoreModel } from './botocore-model-file.js';

export function driftBetweenModels(root: string, service: string, apiVersion: string, before: unknown, after: unknown): Promise<DriftReport> {
  writeBotocoreModel(join(root, 'a'), service, apiVersion, before);
  writeBotocoreModel(join(root, 'b'), service, apiVersion, after);
  return runDrift(join(root, 'a', service), join(root, 'b', service));
}
