/**
 * tapegate's replay proxy as the replay benchmark's child process: exactly what a user
 * starts (`startProxy`, logging off), nothing in front of it.
 * `node dist/bench/tapegate-server.js <cassette>`
 */
import { startProxy } from '../proxy/start.js';
import { serveAsChild } from './bench-child.js';

const cassette = process.argv[2];
if (cassette === undefined) throw new Error('usage: tapegate-server.js <cassette>');

const proxy = await startProxy({ mode: 'replay', cassette, log: false });
serveAsChild(proxy.port, async () => {
  await proxy.close();
});
