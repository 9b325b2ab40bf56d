/**
 * The botocore models the wire-codec tests read, from beside the project (../shared/models,
 * never committed); their absence is a failure, not a skip. And a recorded body as text.
 */
import { existsSync, readFileSync } from 'node:fs';
import type { Body } from '../../core/exchange.js';
import { ServiceShapes } from '../../contracts/wire/service-shapes.js';

export function loadShapes(service: string, version: string): ServiceShapes {
  const url = new URL(`../../../shared/models/botocore-1.43.67/${service}/${version}/service-2.json`, import.meta.url);
  if (!existsSync(url)) throw new Error(`the botocore model of ${service} ${version} is not beside the project (../shared/models)`);
  return new ServiceShapes(JSON.parse(readFileSync(url, 'utf8')), `${service}/${version}/service-2.json`);
}

export function bodyText(body: Body): string {
  if (body.kind === 'empty') return '';
  if (body.kind === 'bytes') return Buffer.from(body.bytes).toString('utf8');
  return body.raw ?? JSON.stringify(body.value);
}
