/** What the long-running proxy commands (replay, record, auto, passthrough) share. */

/** Resolves with the first SIGINT or SIGTERM; a second one gets Node's default (exit at once). */
export function firstSignal(): Promise<NodeJS.Signals> {
  return new Promise((resolve) => {
    const stop = (signal: NodeJS.Signals): void => {
      process.off('SIGINT', stop);
      process.off('SIGTERM', stop);
      resolve(signal);
    };
    process.on('SIGINT', stop);
    process.on('SIGTERM', stop);
  });
}

/** Writes to stdout and resolves once the text is handed to the OS (before the process exits). */
export function write(text: string): Promise<void> {
  return new Promise((resolve) => process.stdout.write(text, () => resolve()));
}
