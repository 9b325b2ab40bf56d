/**
 * tapegate's recording proxy as a benchmark child process: record mode, forwarding to the
 * given upstream, re-signing with throw-away credentials (the benchmark upstream checks none).
 * `node dist/bench/record-server.js <cassette to write> <upstream url>`
 */
import { startProxy } from '../proxy/start.js';
import { serveAsChild } from './bench-child.js';

const [cassette, upstream] = process.argv.slice(2);
if (cassette === undefined || upstream === undefined) throw new Error('usage: record-server.js <cassette> <upstream>');

const proxy = await startProxy({
  // TAPEGATE_BENCH_MODE=passthrough isolates the forwarding cost from the journal's.
  ...(process.env.TAPEGATE_BENCH_MODE === 'passthrough' ? { mode: 'passthrough' as const } : { mode: 'record' as const, cassette, force: true }),
  upstream,
  credentials: { accessKeyId: 'BENCHMARKONLY', secretAccessKey: 'benchmark-upstream-checks-no-signature' },
  log: false,
});
serveAsChild(proxy.port, async () => {
  await proxy.close();
});
