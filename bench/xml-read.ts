/**
 * `npm run build && node dist/bench/xml-read.js`: where the time of an XML read goes, on one core,
 * over the XML bodies of the bench:contracts workloads (STS, SNS and IAM answers, S3 bodies and
 * answers). fast-xml-parser reads each body twice: its validator is the strict well-formedness
 * pass (its parser accepts mismatched closing tags and stray text), its parser builds the tree.
 * The two passes together are the floor of `readXml` with this library, measured here with
 * callbacks that keep nothing; what `readXml` takes above it is tapegate's (the DOCTYPE check, the
 * uniform tree). CPU time, so that other processes on the machine count less.
 */
import { XMLParser, XMLValidator } from 'fast-xml-parser';
import { XML_PARSER_OPTIONS, readXml } from '../contracts/wire/xml-read.js';
import { machineLine, table } from './machine.js';
import { QUERY_WORKLOAD, REST_XML_WORKLOAD } from './xml-workload.js';

const bodies = [...QUERY_WORKLOAD, ...REST_XML_WORKLOAD]
  .flatMap(({ request, response }) => [request.body, response.body])
  .flatMap((body) => (body.kind === 'bytes' ? [Buffer.from(body.bytes).toString('utf8')] : []))
  .filter((text) => text.startsWith('<'));

for (const body of bodies) if (readXml(body).document === undefined) throw new Error(`bench:xml-read: a workload body does not read: ${body.slice(0, 60)}`);

/** The same options with callbacks that keep nothing: the library's own work alone. */
const bare = new XMLParser({ ...XML_PARSER_OPTIONS, updateTag: () => false, tagValueProcessor: () => '' });
/** The library's own ordered output, which readXml built its tree from before the callbacks did. */
const ordered = new XMLParser(XML_PARSER_OPTIONS);

/** Microseconds of CPU per body, the median of seven rounds over all bodies. */
function microseconds(read: (text: string) => unknown): number {
  for (let i = 0; i < 2000; i++) read(bodies[i % bodies.length]!);
  const rounds: number[] = [];
  for (let round = 0; round < 7; round++) {
    const count = 4000;
    const start = process.cpuUsage();
    for (let i = 0; i < count; i++) read(bodies[i % bodies.length]!);
    const used = process.cpuUsage(start);
    rounds.push((used.user + used.system) / count);
  }
  return rounds.sort((a, b) => a - b)[3]!;
}

const validate = microseconds((text) => XMLValidator.validate(text));
const parse = microseconds((text) => bare.parse(text));
const rows: [string, number][] = [
  ['validator: well-formedness pass', validate],
  ['parser: tree pass, callbacks keep nothing', parse],
  ['floor: both passes', validate + parse],
  ["parser building the library's ordered output (no validator)", microseconds((text) => ordered.parse(text))],
  ['readXml: DOCTYPE check, both passes, the uniform tree', microseconds((text) => readXml(text))],
];
const average = Math.round(bodies.reduce((sum, body) => sum + body.length, 0) / bodies.length);
console.log(`XML read, one core, ${bodies.length} bodies of ${average} characters on average (${machineLine()})\n`);
console.log(
  table(
    ['measure', 'per body', 'bodies/s'],
    rows.map(([name, us]) => [name, `${us.toFixed(1)} µs`, Math.round(1e6 / us).toLocaleString('en-US')]),
  ),
);
