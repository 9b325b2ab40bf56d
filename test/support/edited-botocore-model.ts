/**
 * A botocore 1.43.67 model beside the project (../shared/models), and a copy of it with an edit,
 * written where botocore keeps its own (`<root>/<service>/<apiVersion>/service-2.json`): the two
 * sides of a drift test about one change to a real model.
 */
import { existsSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { join } from 'node:path';
import { writeBotocoreModel } from './botocore-model-file.js';

const MODELS = fileURLToPath(new URL('../../../shared/models/botocore-1.43.67/', import.meta.url));

/** The API versions of the models the drift tests edit. */
const VERSIONS: Record<string, string> = {
  apigateway: '2015-07-09',
  apigatewayv2: '2018-11-29',
  dynamodb: '2012-08-10',
  iam: '2010-05-08',
  lambda: '2015-03-31',
  s3: '2006-03-01',
  sqs: '2012-11-05',
  sts: '2011-06-15',
};

/** What the edits reach: structures and their members' traits. */
export type EditableModel = { shapes: Record<string, { members: Record<string, Record<string, unknown>> }> };

function versionOf(service: string): string {
  const version = VERSIONS[service];
  if (version === undefined) throw new Error(`edited-botocore-model: no API version known for ${service}`);
  return version;
}

/** The file of `service`'s model; a clear failure when the models are not beside the project. */
export function bundledModelFile(service: string): string {
  const file = join(MODELS, service, versionOf(service), 'service-2.json');
  if (!existsSync(file)) throw new Error(`the botocore model of ${service} is not beside the project (../shared/models)`);
  return file;
}

/** `service`'s model with `edit` applied, written below `root`; returns the file written (`<root>/<service>` is its service folder). */
export function editedModelFile<M = EditableModel>(root: string, service: string, edit: (model: M) => void): string {
  const model = JSON.parse(readFileSync(bundledModelFile(service), 'utf8')) as M;
  edit(model);
  return writeBotocoreModel(root, service, versionOf(service), model);
}
