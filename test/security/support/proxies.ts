/**
 * Proxies as users start them (the public `startProxy` of index.ts), one per mode, with
 * what each needs: a cassette in a temp folder (replay, auto), a loopback upstream and
 * made-up credentials (the recording modes). Everything is undone by `cleanups.run()`.
 */
import { join } from 'node:path';
import { startProxy, type ProxyMode, type ProxyOptions, type TapegateProxy } from '../../../index.js';
import { Cleanups, randomCredentials, tempDir } from '../../record-fixtures.js';
import { seedExchanges, writeTempCassette } from '../../replay-fixtures.js';
import { startRawUpstream, type RawUpstream } from './upstream.js';

export const MODES: readonly ProxyMode[] = ['replay', 'record', 'auto', 'passthrough'];

export interface Started {
  proxy: TapegateProxy;
  /** The cassette (replay, record, auto), else null. */
  cassette: string | null;
  /** The upstream (recording modes), else null. */
  upstream: RawUpstream | null;
  /** Log lines of the proxy. */
  lines: string[];
}

export async function startMode(mode: ProxyMode, cleanups: Cleanups, extra: Partial<ProxyOptions> = {}): Promise<Started> {
  const lines: string[] = [];
  const log = (line: string): void => {
    lines.push(line);
  };
  if (mode === 'replay' || mode === 'auto') {
    const cassette = await writeTempCassette(seedExchanges());
    cleanups.add(cassette.remove);
    if (mode === 'replay') {
      const proxy = await startProxy({ mode, cassette: cassette.file, log, ...extra });
      cleanups.add(() => proxy.close());
      return { proxy, cassette: cassette.file, upstream: null, lines };
    }
    return startRecording(mode, cassette.file, cleanups, log, lines, extra);
  }
  if (mode === 'record') {
    const { dir, remove } = await tempDir();
    cleanups.add(remove);
    return startRecording(mode, join(dir, 'security.cassette'), cleanups, log, lines, extra);
  }
  return startRecording(mode, null, cleanups, log, lines, extra);
}

async function startRecording(
  mode: 'record' | 'auto' | 'passthrough',
  cassette: string | null,
  cleanups: Cleanups,
  log: (line: string) => void,
  lines: string[],
  extra: Partial<ProxyOptions>,
): Promise<Started> {
  const upstream = await startRawUpstream();
  cleanups.add(() => upstream.close());
  const proxy = await startProxy({
    mode,
    ...(cassette === null ? {} : { cassette }),
    upstream: upstream.url,
    credentials: randomCredentials(),
    log,
    ...extra,
  } as ProxyOptions);
  cleanups.add(() => proxy.close());
  return { proxy, cassette, upstream, lines };
}
