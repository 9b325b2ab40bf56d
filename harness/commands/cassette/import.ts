/**
 * `tapegate cassette import FILE.json [--output OUT.cassette] [--force]`: a cassette from
 * its JSON form (a hand-written fixture or an export). The import is strict, like the
 * reader: every field is checked and the first bad one named by JSON Pointer, nothing is
 * filled in (not `seq`, not the header's `toolVersion` or `createdAt`), so a cassette never
 * claims more than its author wrote.
 */
import { lstat, mkdir } from 'node:fs/promises';
import { dirname, resolve } from 'node:path';
import type { CommandModule } from 'yargs';
import { journalPathFor, CASSETTE_EXTENSION, CASSETTE_MAGIC } from '../../../cassettes/format/format.js';
import { cassetteFromJson } from '../../../cassettes/format/json.js';
import { ioError } from '../../../cassettes/format/store-errors.js';
import { readRegularFile } from '../../../cassettes/format/store-files.js';
import { writeCassette } from '../../../cassettes/format/store.js';
import { CREDENTIAL_HEADERS } from '../../../cassettes/redact/redact.js';
import { scanForSecrets } from '../../../cassettes/redact/secret-scan.js';
import { countOf } from '../../../core/text.js';
import { TapegateError } from '../../../core/errors.js';
import { shellWord } from '../../../cassettes/format/read-to-look.js';
import { namePositionals } from '../positionals.js';

interface Args {
  file: string;
  output?: string;
  force: boolean;
}

/** `x.json` → `x.cassette`; `x.cassette.json` (an export's usual name) → `x.cassette`. */
export function defaultCassetteName(source: string): string {
  const base = source.replace(/\.json$/i, '');
  return base.endsWith(CASSETTE_EXTENSION) ? base : base + CASSETTE_EXTENSION;
}

const present = (file: string): Promise<boolean> =>
  lstat(file).then(
    () => true,
    () => false,
  );

function isBinaryCassette(bytes: Buffer): boolean {
  return bytes.length >= CASSETTE_MAGIC.length && CASSETTE_MAGIC.every((byte, index) => bytes[index] === byte);
}

export const importCommand: CommandModule<object, Args> = {
  command: 'import <file>',
  describe: 'Make a cassette from its JSON form (a hand-written fixture or an export); strict, nothing is filled in',
  builder: (y) =>
    namePositionals(y, '<file>')
      .positional('file', { type: 'string', demandOption: true, describe: 'The JSON file' })
      .option('output', { alias: 'o', type: 'string', describe: 'The cassette to write (default: FILE with .cassette for .json)' })
      .option('force', { type: 'boolean', default: false, describe: 'Replace the output cassette if it exists' })
      .example('$0 cassette import test/fixtures/seed.json', 'Writes test/fixtures/seed.cassette')
      .example('$0 cassette import edited.json --output apis.cassette --force', 'Replace a cassette with an edited export'),
  handler: async (args) => {
    const source = args.file;
    const output = args.output ?? defaultCassetteName(source);
    const fail = (reason: string): TapegateError => new TapegateError(`Failed to import cassette "${source}": ${reason}`, 2);
    let bytes: Buffer;
    try {
      bytes = await readRegularFile(source);
    } catch (error) {
      throw ioError('import cassette', source, error);
    }
    if (isBinaryCassette(bytes)) {
      throw fail(`it is a cassette already, not the JSON form; \`tapegate cassette export ${shellWord(source)} --json\` gives the JSON`);
    }
    let json: unknown;
    try {
      json = JSON.parse(bytes.toString('utf8'));
    } catch (error) {
      throw fail(`not valid JSON (${error instanceof Error ? error.message : String(error)})`);
    }
    // Checked in full before anything is written: a bad fixture leaves no file behind.
    const cassette = cassetteFromJson(json, source);
    // A fixture is held to what recording guarantees: no credential ever reaches a cassette.
    cassette.exchanges.forEach((exchange, index) => {
      for (const side of ['request', 'response'] as const) {
        const header = Object.keys(exchange[side].headers).find((name) => CREDENTIAL_HEADERS.includes(name.toLowerCase()));
        if (header !== undefined) throw fail(`/exchanges/${index}/${side}/headers/${header} is a credential header; cassettes never hold one. Remove it from the fixture`);
      }
      const hit = scanForSecrets(exchange)[0];
      if (hit)
        throw fail(`/exchanges/${index}${hit.pointer} holds what looks like an AWS ${hit.kind.replace(/-/g, ' ')}; cassettes never hold credentials. Remove it from the fixture`);
    });
    if (await present(journalPathFor(output))) {
      throw fail(
        `"${journalPathFor(output)}" is beside "${output}": a recording is in progress or crashed. ` +
          `Wait for it, or recover (\`tapegate cassette recover ${shellWord(output)}\`) or remove the journal first`,
      );
    }
    // Checked, then written: a cassette created in between would be replaced. Imports are
    // run by hand or by test set-up, not concurrently with recording (refused just above).
    if (!args.force && (await present(output))) throw fail(`"${output}" already exists; pass --force to replace it`);
    // A folder that does not exist yet is made, as `record` makes the cassette's folder.
    await mkdir(dirname(resolve(output)), { recursive: true });
    await writeCassette(output, cassette.header, cassette.exchanges);
    process.stdout.write(`wrote ${output}: ${countOf(cassette.exchanges.length, 'exchange')}\n`);
  },
};
