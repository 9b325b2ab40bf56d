/**
 * Progress while verifying many cassettes: one line on stderr, rewritten in place, and only
 * when stderr is a terminal and there are enough cassettes for a wait to be felt. In CI logs
 * and pipes it stays silent, so stderr holds only real problems.
 */

/** Above this many cassettes a terminal gets progress. */
export const PROGRESS_THRESHOLD = 20;

export interface ProgressStream {
  isTTY?: boolean;
  columns?: number;
  write(text: string): unknown;
}

export interface Progress {
  /** Cassette `index` (from 0) of the total is being read. */
  step(index: number, name: string): void;
  /** Clears the line. */
  done(): void;
}

const silent: Progress = { step: () => undefined, done: () => undefined };

export function createProgress(total: number, stream: ProgressStream = process.stderr): Progress {
  if (stream.isTTY !== true || total <= PROGRESS_THRESHOLD) return silent;
  // Erase the line, then write; a line longer than the terminal would wrap and not be erased.
  const clear = '\r\u001b[2K';
  const width = Math.max(20, (stream.columns ?? 80) - 1);
  return {
    step(index, name) {
      const line = `verifying ${index + 1}/${total} ${name}`;
      stream.write(clear + (line.length > width ? `${line.slice(0, width - 3)}...` : line));
    },
    done() {
      stream.write(clear);
    },
  };
}
