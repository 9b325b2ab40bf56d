/**
 * `npm run build && node dist/bench/xml-read.js`: where the time of an XML read goes, on one core,
 * over the XML bodies of the bench:contracts workloads (STS, SNS and IAM answers, S3 bodies and
 * answers). `readXml` reads each body in one strict pass of saxes whose events build the uniform
 * tree as they come. The rows above it are what it replaced, and saxes' own floor:
 * - fast-xml-parser, which read each body twice (its validator was the strict well-formedness
 *   pass, as its parser accepts mismatched closing tags; its parser built the tree), with the
 *   options readXml used and callbacks that keep nothing, so the two passes are its floor;
 * - @rgrove/parse-xml (a devDependency for this row only), one strict pass that builds its own
 *   tree, which readXml then walked into the uniform one;
 * - saxes with handlers that keep nothing: what the tree adds is the gap to readXml.
 * CPU time, so that other processes on the machine count less.
 */
import { parseXml } from '@rgrove/parse-xml';
import { XMLParser, XMLValidator, type X2jOptions } from 'fast-xml-parser';
import { MAX_XML_DEPTH, readXml } from '../contracts/wire/xml-read.js';
import { machineLine, table } from './machine.js';
import { saxesFloor } from './saxes-floor.js';
import { QUERY_WORKLOAD, REST_XML_WORKLOAD } from './xml-workload.js';

const bodies = [...QUERY_WORKLOAD, ...REST_XML_WORKLOAD]
  .flatMap(({ request, response }) => [request.body, response.body])
  .flatMap((body) => (body.kind === 'bytes' ? [Buffer.from(body.bytes).toString('utf8')] : []))
  .filter((text) => text.startsWith('<'));

for (const body of bodies) if (readXml(body).document === undefined) throw new Error(`bench:xml-read: a workload body does not read: ${body.slice(0, 60)}`);

/** fast-xml-parser as readXml used it (ordered output, values as text, untrimmed; its own entity decoder), its callbacks keeping nothing. */
const FXP_OPTIONS: X2jOptions = {
  ignoreAttributes: false,
  attributeNamePrefix: '@',
  textNodeName: '#text',
  parseTagValue: false,
  parseAttributeValue: false,
  trimValues: false,
  preserveOrder: true,
  jPath: false,
  maxNestedTags: MAX_XML_DEPTH,
  processEntities: true,
  ignoreDeclaration: true,
  ignorePiTags: true,
  updateTag: () => false,
  tagValueProcessor: () => '',
};
const fxp = new XMLParser(FXP_OPTIONS);

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
const parse = microseconds((text) => fxp.parse(text));
const rows: [string, number][] = [
  ['fast-xml-parser validator: well-formedness pass', validate],
  ['fast-xml-parser parser: tree pass, callbacks keep nothing', parse],
  ['fast-xml-parser floor: both passes', validate + parse],
  ['parse-xml: one strict pass, its own tree', microseconds((text) => parseXml(text))],
  ['saxes: one strict pass, handlers keep nothing (its floor)', microseconds(saxesFloor)],
  ['readXml: DOCTYPE check, saxes, the tree built as it streams', microseconds((text) => readXml(text))],
];
const average = Math.round(bodies.reduce((sum, body) => sum + body.length, 0) / bodies.length);
console.log(`XML read, one core, ${bodies.length} bodies of ${average} characters on average (${machineLine()})\n`);
console.log(
  table(
    ['measure', 'per body', 'bodies/s'],
    rows.map(([name, us]) => [name, `${us.toFixed(1)} µs`, Math.round(1e6 / us).toLocaleString('en-US')]),
  ),
);

// An attack, not a workload: references to entities XML does not define are kept as written,
// and each used to cost saxes an error report with a stack trace (ten seconds for these six megabytes).
const entities = `<A>${'&nbsp;&é;'.repeat(500_000)}</A>`;
const start = process.cpuUsage();
readXml(entities);
const used = process.cpuUsage(start);
console.log(`\nreadXml of a body of a million undefined entity references (${(entities.length / 1e6).toFixed(1)} MB): ${Math.round((used.user + used.system) / 1000)} ms of CPU`);
