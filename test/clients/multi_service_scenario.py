"""A multi-service scenario from Python boto3, as a user's test would run it under tapegate:
S3 (a bucket, put, get, list, a missing key, delete), DynamoDB (a table, put and get an item),
SQS (a queue, send and receive), STS (who am I) and Lambda (invoke a function, list them).

boto3 releases before 1.28 (Debian's is 1.26) do not read AWS_ENDPOINT_URL themselves, so
the endpoint is taken from the environment and passed as endpoint_url, as the README says.
Prints one line per call: what a test would assert on, never request ids or timestamps.
"""
import json
import os

import boto3
from botocore.exceptions import ClientError

endpoint = os.environ["AWS_ENDPOINT_URL"]
session = boto3.session.Session(region_name=os.environ.get("AWS_REGION", "us-east-1"))


def client(service):
    return session.client(service, endpoint_url=endpoint)


s3, dynamodb, sqs, sts, awslambda = (client(name) for name in ("s3", "dynamodb", "sqs", "sts", "lambda"))


def show(operation, value):
    print(f"{operation}: {json.dumps(value, sort_keys=True)}")


def status(out):
    return out["ResponseMetadata"]["HTTPStatusCode"]


bucket = "tapegate-e2e-boto3"
show("s3.CreateBucket", status(s3.create_bucket(Bucket=bucket)))
put = s3.put_object(Bucket=bucket, Key="reports/2024/summary.json", Body=b'{"orders": 3}', ContentType="application/json")
show("s3.PutObject", {"status": status(put), "ETag": put["ETag"]})
s3.put_object(Bucket=bucket, Key="reports/readme.txt", Body=b"hello from boto3")
got = s3.get_object(Bucket=bucket, Key="reports/2024/summary.json")
show("s3.GetObject", {"body": got["Body"].read().decode(), "ContentType": got["ContentType"], "ContentLength": got["ContentLength"]})
listed = s3.list_objects_v2(Bucket=bucket, Prefix="reports/")
show("s3.ListObjectsV2", {"KeyCount": listed["KeyCount"], "keys": [(o["Key"], o["Size"]) for o in listed["Contents"]]})
try:
    s3.get_object(Bucket=bucket, Key="reports/missing.json")
    show("s3.GetObject(missing)", "unexpected success")
except ClientError as error:
    show("s3.GetObject(missing)", {"code": error.response["Error"]["Code"], "key": error.response["Error"].get("Key"),
                                   "status": error.response["ResponseMetadata"]["HTTPStatusCode"]})
show("s3.DeleteObject", status(s3.delete_object(Bucket=bucket, Key="reports/readme.txt")))
show("s3.ListObjectsV2(after delete)", [o["Key"] for o in s3.list_objects_v2(Bucket=bucket)["Contents"]])

table = dynamodb.create_table(TableName="orders", KeySchema=[{"AttributeName": "id", "KeyType": "HASH"}],
                              AttributeDefinitions=[{"AttributeName": "id", "AttributeType": "S"}], BillingMode="PAY_PER_REQUEST")
show("dynamodb.CreateTable", {k: table["TableDescription"][k] for k in ("TableName", "TableStatus", "KeySchema")})
dynamodb.put_item(TableName="orders", Item={"id": {"S": "o-1"}, "total": {"N": "42"}, "lines": {"L": [{"S": "book"}, {"S": "pen"}]}})
show("dynamodb.GetItem", dynamodb.get_item(TableName="orders", Key={"id": {"S": "o-1"}})["Item"])
show("dynamodb.GetItem(missing)", "Item" in dynamodb.get_item(TableName="orders", Key={"id": {"S": "o-2"}}))

queue = sqs.create_queue(QueueName="tapegate-e2e-orders")["QueueUrl"]
show("sqs.CreateQueue", queue)
# Message attributes and attribute names travel under the query form's own names
# (MessageAttribute.1.Name, AttributeName.1), which tapegate reads to check the call.
sent = sqs.send_message(QueueUrl=queue, MessageBody='{"order": "o-1"}',
                        MessageAttributes={"source": {"DataType": "String", "StringValue": "e2e"}})
show("sqs.SendMessage", {k: sent[k] for k in ("MessageId", "MD5OfMessageBody")})
received = sqs.receive_message(QueueUrl=queue, MaxNumberOfMessages=1, AttributeNames=["All"], MessageAttributeNames=["All"])
show("sqs.ReceiveMessage", [{k: m[k] for k in ("MessageId", "Body", "MD5OfBody")} for m in received["Messages"]])

me = sts.get_caller_identity()
show("sts.GetCallerIdentity", {k: me[k] for k in ("Account", "Arn", "UserId")})

invoked = awslambda.invoke(FunctionName="tapegate-echo", Payload=json.dumps({"order": "o-1"}).encode())
show("lambda.Invoke", {"StatusCode": invoked["StatusCode"], "ExecutedVersion": invoked.get("ExecutedVersion"),
                       "payload": json.loads(invoked["Payload"].read())})
show("lambda.ListFunctions", [(f["FunctionName"], f["Runtime"]) for f in awslambda.list_functions()["Functions"]])
