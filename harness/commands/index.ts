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

// eslint-disable-next-line @typescript-eslint/no-explicit-any
export const commands: CommandModule<any, any>[] = [contractsCommand, replayCommand, recordCommand, autoCommand, passthroughCommand, driftCommand, cassetteCommand, demoCommand, verifyCommand, execCommand];
