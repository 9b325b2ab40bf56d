/**
 * Writes a made-up model where botocore keeps its own: `<root>/<service>/<apiVersion>/service-2.json`
 * (or `.json.gz`, as wheels ship some), so drift and `contracts generate` read it as they read
 * botocore's data folder. Synchronous: the tests build their folders before anything runs.
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';

/** Returns the file written; its service folder (what drift takes) is two levels up. */
export function writeBotocoreModel(root: string, service: string, apiVersion: string, model: unknown, options: { gzip?: boolean } = {}): string {
  const folder = join(root, service, apiVersion);
  mkdirSync(folder, { recursive: true });
  const text = JSON.stringify(model);
  const file = join(folder, options.gzip ? 'service-2.json.gz' : 'service-2.json');
  writeFileSync(file, options.gzip ? gzipSync(text) : text);
  return file;
}
