/** Progress on stderr: only for a terminal and more than PROGRESS_THRESHOLD cassettes. */
import { describe, expect, it } from 'vitest';
import { createProgress, PROGRESS_THRESHOLD } from './progress.js';

function stream(isTTY: boolean, columns = 80) {
  const written: string[] = [];
  return { isTTY, columns, written, write: (text: string) => written.push(text) };
}

describe('createProgress', () => {
  it('writes one line per cassette, rewritten in place, and clears it at the end', () => {
    const tty = stream(true);
    const progress = createProgress(PROGRESS_THRESHOLD + 1, tty);
    progress.step(0, 'a.cassette');
    progress.step(1, 'b.cassette');
    progress.done();
    expect(tty.written).toEqual(['\r\u001b[2Kverifying 1/21 a.cassette', '\r\u001b[2Kverifying 2/21 b.cassette', '\r\u001b[2K']);
  });

  it('stays silent in a pipe, and for few cassettes even in a terminal', () => {
    const pipe = stream(false);
    const few = stream(true);
    for (const [progress] of [[createProgress(100, pipe)], [createProgress(PROGRESS_THRESHOLD, few)]] as const) {
      progress.step(0, 'a.cassette');
      progress.done();
    }
    expect(pipe.written).toEqual([]);
    expect(few.written).toEqual([]);
  });

  it('cuts a line that would wrap, since a wrapped line is not erased', () => {
    const narrow = stream(true, 30);
    createProgress(50, narrow).step(0, 'a/very/long/folder/name/of/recordings.cassette');
    expect(narrow.written[0]).toBe('\r\u001b[2Kverifying 1/50 a/very/long...');
    expect(narrow.written[0]!.length - '\r\u001b[2K'.length).toBe(29);
  });
});
