/**
 * tapegate's replay proxy as the replay benchmark's child process: exactly what a user
 * starts (`startReplayProxy`, logging off), nothing in front of it.
 * `node dist/bench/tapegate-server.js <cassette>`
 */
import { startReplayProxy } from '../proxy/server.js';
import { serveAsChild } from './bench-child.js';

const cassette = process.argv[2];
if (cassette === undefined) throw new Error('usage: tapegate-server.js <cassette>');

const proxy = await startReplayProxy({ cassette, log: false });
serveAsChild(proxy.port, async () => {
  await proxy.close();
});
