/**
 * Large bodies (issue 13, item 5): the peak resident memory of the recording proxy and of
 * the replay proxy, each the CLI in its own process, while the JavaScript SDK's S3 client
 * puts and then gets one object through it. The figure that matters is the peak over the
 * same run with a 1 KiB object (start-up, modules, the SDK's traffic), divided by the
 * object's size: about 1 means the body was held once, 2 or 3 that it was copied.
 *
 * `npm run build && node dist/bench/large-bodies.js [MiB]` (default 50).
 */
import { createHash, randomBytes } from 'node:crypto';
import { spawn } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createInterface } from 'node:readline';
import { fileURLToPath } from 'node:url';
import { GetObjectCommand, PutObjectCommand, S3Client } from '@aws-sdk/client-s3';
import type { ChildUsage } from './measure-child.js';
import { machineLine, table } from './machine.js';
import { startObjectStore } from './object-store.js';

const MiB = 1024 * 1024;
const objectMiB = Number(process.argv[2] ?? 50);
const dist = (path: string): string => fileURLToPath(new URL(`../${path}`, import.meta.url));
const sha256 = (bytes: Uint8Array): string => createHash('sha256').update(bytes).digest('hex');

/** Runs the CLI under measure-child, lets `drive` talk to it, stops it with SIGINT; its peak RSS. */
async function measured(args: string[], dir: string, drive: (url: string) => Promise<void>): Promise<number> {
  const usageFile = join(dir, `usage-${randomBytes(4).toString('hex')}.json`);
  const env = {
    ...process.env,
    TAPEGATE_BENCH_USAGE: usageFile,
    AWS_ACCESS_KEY_ID: 'AKIDBENCHLARGEBODY',
    AWS_SECRET_ACCESS_KEY: 'bench-secret',
    AWS_EC2_METADATA_DISABLED: 'true',
  };
  const child = spawn(process.execPath, [dist('bench/measure-child.js'), dist('harness/cli.js'), ...args], { env, stdio: ['ignore', 'pipe', 'pipe'] });
  let stderr = '';
  child.stderr.on('data', (part: Buffer) => (stderr += part.toString()));
  const exited = new Promise<void>((resolve) => child.on('close', () => resolve()));
  const url = await new Promise<string>((resolve, reject) => {
    createInterface({ input: child.stdout }).once('line', (line) => (line.startsWith('listening ') ? resolve(line.slice(10)) : reject(new Error(line))));
    child.once('close', () => reject(new Error(`the proxy exited: ${stderr}`)));
  });
  await drive(url);
  child.kill('SIGINT');
  await exited;
  const usage = JSON.parse(readFileSync(usageFile, 'utf8')) as ChildUsage;
  return usage.maxRssMiB;
}

async function putThenGet(url: string, body: Buffer): Promise<void> {
  const client = new S3Client({ endpoint: url, forcePathStyle: true, region: 'us-east-1', credentials: { accessKeyId: 'AKIDBENCHCLIENT', secretAccessKey: 'client' } });
  try {
    await client.send(new PutObjectCommand({ Bucket: 'bench', Key: 'object.bin', Body: body, ContentType: 'application/octet-stream' }));
    const got = await (await client.send(new GetObjectCommand({ Bucket: 'bench', Key: 'object.bin' }))).Body!.transformToByteArray();
    if (sha256(got) !== sha256(body)) throw new Error(`GetObject through ${url} gave other bytes (${got.length} of ${body.length})`);
  } finally {
    client.destroy();
  }
}

interface Run {
  record: number;
  replay: number;
  cassetteMiB: number;
}

async function run(bytes: number, dir: string): Promise<Run> {
  const store = await startObjectStore();
  const body = randomBytes(bytes);
  const cassette = join(dir, `objects-${bytes}.cassette`);
  // The limits fit the object (at least the 128 MiB the first runs used), so any size can be measured.
  const limitMiB = String(Math.max(128, Math.ceil(bytes / MiB) + 1));
  const limits = ['--max-body', `${limitMiB}MiB`, '--max-response', `${limitMiB}MiB`];
  try {
    const record = await measured(['record', '--cassette', cassette, '--upstream', store.url, ...limits], dir, (url) => putThenGet(url, body));
    const replay = await measured(['replay', '--cassette', cassette, '--max-body', `${limitMiB}MiB`], dir, (url) => putThenGet(url, body));
    return { record, replay, cassetteMiB: statSync(cassette).size / MiB };
  } finally {
    await store.close();
  }
}

const dir = mkdtempSync(join(tmpdir(), 'tapegate-large-bodies-'));
try {
  const base = await run(1024, dir);
  const large = await run(objectMiB * MiB, dir);
  const row = (mode: 'record' | 'replay') => {
    const over = large[mode] - base[mode];
    return [mode, `${base[mode].toFixed(0)} MiB`, `${large[mode].toFixed(0)} MiB`, `${over.toFixed(0)} MiB`, `${(over / objectMiB).toFixed(2)}x`];
  };
  process.stdout.write(`${machineLine()}\n`);
  process.stdout.write(`PutObject then GetObject of one ${objectMiB} MiB object through the CLI proxy (peak RSS of the proxy process)\n\n`);
  process.stdout.write(table(['proxy', 'peak, 1 KiB object', `peak, ${objectMiB} MiB object`, 'over', 'over / object'], [row('record'), row('replay')]));
  process.stdout.write(`\ncassette: ${large.cassetteMiB.toFixed(1)} MiB for a ${objectMiB} MiB object put and got back\n`);
} finally {
  rmSync(dir, { recursive: true, force: true });
}
