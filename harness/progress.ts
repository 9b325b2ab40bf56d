/**
 * Progress through many items (cassettes to verify, services to compare or generate): one
 * line on stderr, rewritten in place, and only when stderr is a terminal and there are
 * enough items for a wait to be felt. In CI logs and pipes it stays silent, so stderr holds
 * only real problems.
 */

/** Above this many items a terminal gets progress (unless the caller says otherwise). */
export const PROGRESS_THRESHOLD = 20;

export interface ProgressOptions {
  /** What is being done to each item: `verifying` (the default), `comparing`, ... */
  verb?: string;
  /** Above this many items a terminal gets progress. */
  threshold?: number;
}

export interface ProgressStream {
  isTTY?: boolean;
  columns?: number;
  write(text: string): unknown;
}

export interface Progress {
  /** Item `index` (from 0) of the total is being worked on. */
  step(index: number, name: string): void;
  /** Clears the line (before other output to the same terminal, and at the end). */
  done(): void;
}

const silent: Progress = { step: () => undefined, done: () => undefined };

export function createProgress(total: number, stream: ProgressStream = process.stderr, options: ProgressOptions = {}): Progress {
  const { verb = 'verifying', threshold = PROGRESS_THRESHOLD } = options;
  if (stream.isTTY !== true || total <= threshold) return silent;
  // Erase the line, then write; a line longer than the terminal would wrap and not be erased.
  const clear = '\r\u001b[2K';
  const width = Math.max(20, (stream.columns ?? 80) - 1);
  let shown = false;
  return {
    step(index, name) {
      shown = true;
      const line = `${verb} ${index + 1}/${total} ${name}`;
      stream.write(clear + (line.length > width ? `${line.slice(0, width - 3)}...` : line));
    },
    done() {
      if (shown) stream.write(clear);
      shown = false;
    },
  };
}
