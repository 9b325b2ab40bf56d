/**
 * SQS calls in the query form, as SDKs released before SQS moved to json send them: each form
 * is what botocore 1.29.27's QuerySerializer writes for the call (its sqs model is the query
 * one), each answer what AWS sends in that protocol and botocore 1.29.27's QueryParser reads
 * back to the values the call's comment gives. The broken variants change one thing each.
 */

const QUEUE = 'https%3A%2F%2Fsqs.us-east-1.amazonaws.com%2F123456789012%2Forders';
const NS = 'xmlns="http://queue.amazonaws.com/doc/2012-11-05/"';

/** `<{Operation}Response>` around a result, with the metadata every query answer carries. */
export const answer = (operation: string, result: string): string =>
  `<${operation}Response ${NS}><${operation}Result>${result}</${operation}Result><ResponseMetadata><RequestId>27daac76-34dd-47df-bd01-1f6e873584a0</RequestId></ResponseMetadata></${operation}Response>`;

export const queryError = (code: string): string =>
  `<ErrorResponse ${NS}><Error><Type>Sender</Type><Code>${code}</Code><Message>The specified queue does not exist for this wsdl version.</Message><Detail/></Error><RequestId>r-1</RequestId></ErrorResponse>`;

export interface QueryFormCase {
  operation: string;
  form: string;
  answer: string;
}

export const CASES: QueryFormCase[] = [
  {
    // send_message(MessageAttributes={'color': {'DataType': 'String', 'StringValue': 'red'}, 'sizes': {'DataType': 'Binary', 'BinaryValue': b'\x01\x02'}})
    operation: 'SendMessage',
    form:
      `Action=SendMessage&Version=2012-11-05&QueueUrl=${QUEUE}&MessageBody=hi&MessageAttribute.1.Name=color&MessageAttribute.1.Value.DataType=String` +
      '&MessageAttribute.1.Value.StringValue=red&MessageAttribute.2.Name=sizes&MessageAttribute.2.Value.DataType=Binary&MessageAttribute.2.Value.BinaryValue=AQI%3D',
    answer: answer(
      'SendMessage',
      '<MessageId>5fea7756-0ea4-451a-a703-a558b933e274</MessageId><MD5OfMessageBody>49f68a5c8493ec2c0bf489821c21fc3b</MD5OfMessageBody><MD5OfMessageAttributes>3ae8f24a165a8cedc005670c81a27295</MD5OfMessageAttributes>',
    ),
  },
  {
    // send_message_batch(Entries=[{'Id': 'a', 'MessageBody': 'one', 'DelaySeconds': 5}, {'Id': 'b', 'MessageBody': 'two', 'MessageAttributes': {'k': {'DataType': 'Number', 'StringValue': '7'}}}])
    // → Successful [{Id a, …}], Failed [{Id b, SenderFault True, Code InvalidParameterValue, …}]
    operation: 'SendMessageBatch',
    form:
      `Action=SendMessageBatch&Version=2012-11-05&QueueUrl=${QUEUE}&SendMessageBatchRequestEntry.1.Id=a&SendMessageBatchRequestEntry.1.MessageBody=one` +
      '&SendMessageBatchRequestEntry.1.DelaySeconds=5&SendMessageBatchRequestEntry.2.Id=b&SendMessageBatchRequestEntry.2.MessageBody=two' +
      '&SendMessageBatchRequestEntry.2.MessageAttribute.1.Name=k&SendMessageBatchRequestEntry.2.MessageAttribute.1.Value.DataType=Number' +
      '&SendMessageBatchRequestEntry.2.MessageAttribute.1.Value.StringValue=7',
    answer: answer(
      'SendMessageBatch',
      '<SendMessageBatchResultEntry><Id>a</Id><MessageId>0a5231c7-8bff-4955-be2e-8dc7c50a25fa</MessageId><MD5OfMessageBody>f97c5d29941bfb1b2fdab0874906ab82</MD5OfMessageBody></SendMessageBatchResultEntry>' +
        '<BatchResultErrorEntry><Id>b</Id><SenderFault>true</SenderFault><Code>InvalidParameterValue</Code><Message>too long</Message></BatchResultErrorEntry>',
    ),
  },
  {
    // receive_message(AttributeNames=['All'], MessageAttributeNames=['color'], MaxNumberOfMessages=2)
    // → Messages [{…, Attributes {SenderId, ApproximateReceiveCount}, MessageAttributes {color: {StringValue red, DataType String}}}]
    operation: 'ReceiveMessage',
    form: `Action=ReceiveMessage&Version=2012-11-05&QueueUrl=${QUEUE}&AttributeName.1=All&MessageAttributeName.1=color&MaxNumberOfMessages=2`,
    answer: answer(
      'ReceiveMessage',
      '<Message><MessageId>5fea7756-0ea4-451a-a703-a558b933e274</MessageId><ReceiptHandle>MbZj6wDWli</ReceiptHandle><MD5OfBody>49f68a5c8493ec2c0bf489821c21fc3b</MD5OfBody><Body>hi</Body>' +
        '<Attribute><Name>SenderId</Name><Value>195004372649</Value></Attribute><Attribute><Name>ApproximateReceiveCount</Name><Value>1</Value></Attribute>' +
        '<MessageAttribute><Name>color</Name><Value><StringValue>red</StringValue><DataType>String</DataType></Value></MessageAttribute></Message>',
    ),
  },
  {
    // get_queue_attributes(AttributeNames=['VisibilityTimeout', 'QueueArn']) → Attributes {VisibilityTimeout '30', QueueArn …}
    operation: 'GetQueueAttributes',
    form: `Action=GetQueueAttributes&Version=2012-11-05&QueueUrl=${QUEUE}&AttributeName.1=VisibilityTimeout&AttributeName.2=QueueArn`,
    answer: answer(
      'GetQueueAttributes',
      '<Attribute><Name>VisibilityTimeout</Name><Value>30</Value></Attribute><Attribute><Name>QueueArn</Name><Value>arn:aws:sqs:us-east-1:123456789012:orders</Value></Attribute>',
    ),
  },
  {
    // create_queue(QueueName='orders', Attributes={'VisibilityTimeout': '30', 'DelaySeconds': '0'}, tags={'team': 'a'})
    operation: 'CreateQueue',
    form: 'Action=CreateQueue&Version=2012-11-05&QueueName=orders&Attribute.1.Name=VisibilityTimeout&Attribute.1.Value=30&Attribute.2.Name=DelaySeconds&Attribute.2.Value=0&Tag.1.Key=team&Tag.1.Value=a',
    answer: answer('CreateQueue', '<QueueUrl>https://sqs.us-east-1.amazonaws.com/123456789012/orders</QueueUrl>'),
  },
  {
    // list_queues(QueueNamePrefix='ord', MaxResults=10) → QueueUrls [orders, orders-dlq], NextToken t1
    operation: 'ListQueues',
    form: 'Action=ListQueues&Version=2012-11-05&QueueNamePrefix=ord&MaxResults=10',
    answer: answer(
      'ListQueues',
      '<QueueUrl>https://sqs.us-east-1.amazonaws.com/123456789012/orders</QueueUrl><QueueUrl>https://sqs.us-east-1.amazonaws.com/123456789012/orders-dlq</QueueUrl><NextToken>t1</NextToken>',
    ),
  },
];
