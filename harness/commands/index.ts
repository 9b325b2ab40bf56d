/** Every top-level command, one module a file. Add new commands here. */
import type { CommandModule } from 'yargs';
import { cassetteCommand } from './cassette.js';
import { contractsCommand } from './contracts.js';
import { driftCommand } from './drift.js';
import { replayCommand } from './replay.js';
import { recordCommand } from './record.js';
import { autoCommand } from './auto.js';
import { passthroughCommand } from './passthrough.js';
import { demoCommand } from './demo.js';
import { execCommand } from './exec.js';
import { verifyCommand } from './verify.js';
import { serveCommand } from './serve.js';

// eslint-disable-next-line @typescript-eslint/no-explicit-any -- each module has its own Args; yargs registers them one by one, so the list can only be typed loosely
export const commands: CommandModule<any, any>[] = [
  contractsCommand,
  replayCommand,
  recordCommand,
  autoCommand,
  passthroughCommand,
  driftCommand,
  cassetteCommand,
  demoCommand,
  verifyCommand,
  execCommand,
  serveCommand,
];
