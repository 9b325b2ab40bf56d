/**
 * SQS as the fake serves it, in whichever protocol the client speaks: botocore before 1.31
 * (Debian's boto3 1.26, the AWS CLI 2.9) sends the query protocol (form-encoded `Action`, XML
 * answers), newer SDKs JSON 1.0 (`X-Amz-Target: AmazonSQS.{Operation}`). CreateQueue,
 * SendMessage and ReceiveMessage, with the MD5 of each body that clients check.
 */
import { createHash } from 'node:crypto';
import { FakeAwsError, header, jsonAnswer, jsonInput, queryAnswer, type FakeAnswer, type FakeRequest } from './wire.js';

interface Message {
  MessageId: string;
  ReceiptHandle: string;
  MD5OfBody: string;
  Body: string;
}

interface Queue {
  url: string;
  messages: Message[];
}

export type SqsQueues = Map<string, Queue>;

const NAMESPACE = 'http://queue.amazonaws.com/doc/2012-11-05/';
const TARGET_PREFIX = 'AmazonSQS.';
export const SQS_ERROR_PREFIX = 'com.amazonaws.sqs#';

/** Which protocol this SQS request speaks: json when it names its operation in `X-Amz-Target`. */
export const sqsProtocolOf = (request: FakeRequest): 'json' | 'query' => ((header(request, 'x-amz-target') ?? '').startsWith(TARGET_PREFIX) ? 'json' : 'query');

function str(input: Record<string, unknown>, name: string): string {
  const value = input[name];
  if (typeof value !== 'string') throw new FakeAwsError('MissingParameter', 400, `The request must contain the parameter ${name}.`, {}, 'MissingParameter');
  return value;
}

function queueOf(queues: SqsQueues, url: string): Queue {
  const queue = [...queues.values()].find((q) => q.url === url);
  if (queue === undefined) throw new FakeAwsError('QueueDoesNotExist', 400, 'The specified queue does not exist.', {}, 'AWS.SimpleQueueService.NonExistentQueue');
  return queue;
}

const md5 = (text: string) => createHash('md5').update(text, 'utf8').digest('hex');
/** Stable ids, so that two runs of a scenario print the same. */
const uuid = (n: number) => `00000000-0000-4000-8000-${String(n).padStart(12, '0')}`;

export function sqsService(queues: SqsQueues, region: string, account: string) {
  let sent = 0;
  const operations: Record<string, (input: Record<string, unknown>) => Record<string, unknown>> = {
    CreateQueue(input) {
      const name = str(input, 'QueueName');
      const queue = queues.get(name) ?? { url: `https://sqs.${region}.amazonaws.com/${account}/${name}`, messages: [] };
      queues.set(name, queue);
      return { QueueUrl: queue.url };
    },
    SendMessage(input) {
      const queue = queueOf(queues, str(input, 'QueueUrl'));
      const body = str(input, 'MessageBody');
      const id = uuid(++sent);
      queue.messages.push({ MessageId: id, ReceiptHandle: `receipt-${id}`, MD5OfBody: md5(body), Body: body });
      return { MD5OfMessageBody: md5(body), MessageId: id };
    },
    ReceiveMessage(input) {
      const queue = queueOf(queues, str(input, 'QueueUrl'));
      const max = Number(input.MaxNumberOfMessages ?? 1);
      // Received messages stay invisible for the rest of the run (no visibility timeout).
      const messages = queue.messages.splice(0, max);
      return messages.length === 0 ? {} : { Messages: messages };
    },
  };

  return (request: FakeRequest, requestId: string): FakeAnswer | null => {
    if (request.method !== 'POST') return null;
    if (sqsProtocolOf(request) === 'json') {
      const operation = operations[(header(request, 'x-amz-target') ?? '').slice(TARGET_PREFIX.length)];
      if (operation === undefined) return null;
      return jsonAnswer(200, operation(jsonInput(request)), 'application/x-amz-json-1.0', { 'x-amzn-requestid': requestId });
    }
    const form = Object.fromEntries(new URLSearchParams(request.body.toString('utf8')));
    const action = form.Action ?? '';
    const operation = operations[action];
    if (operation === undefined) return null;
    const result = operation(form);
    // The query protocol lists flattened: one <Message> element per message.
    const { Messages: messages, ...rest } = result;
    return queryAnswer(action, NAMESPACE, messages === undefined ? rest : { ...rest, Message: messages }, requestId);
  };
}
