#!/usr/bin/env bash
# The multi-service scenario from the AWS CLI (S3, DynamoDB, SQS, STS, Lambda), with
# --endpoint-url as releases before 2.13 need. Prints one line per call, without request ids
# or timestamps. Usage: multi-service-scenario-cli.sh AWS [ENDPOINT]  (ENDPOINT defaults to
# $AWS_ENDPOINT_URL, as tapegate exec sets it)
set -euo pipefail
aws=$1
endpoint=${2:-$AWS_ENDPOINT_URL}
export AWS_PAGER=""
run() { "$aws" --endpoint-url "$endpoint" --output json "$@"; }
# One line per call: its name and the fields picked from its JSON output.
show() { echo "$1: $(/usr/bin/python3 -c "import json,sys; out=json.load(sys.stdin); print(json.dumps($2, sort_keys=True))")"; }
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT

bucket=tapegate-e2e-cli
run s3api create-bucket --bucket "$bucket" | show s3.CreateBucket "out['Location']"
printf '{"orders": 3}' >"$work/summary.json"
run s3api put-object --bucket "$bucket" --key reports/2024/summary.json --body "$work/summary.json" --content-type application/json | show s3.PutObject "out['ETag']"
run s3api get-object --bucket "$bucket" --key reports/2024/summary.json "$work/got.json" | show s3.GetObject "[out['ContentType'], out['ContentLength'], open('$work/got.json').read()]"
run s3 cp "$work/summary.json" "s3://$bucket/reports/copy.json" >/dev/null
run s3api list-objects-v2 --bucket "$bucket" --prefix reports/ | show s3.ListObjectsV2 "[(o['Key'], o['Size']) for o in out['Contents']]"
if err=$(run s3api get-object --bucket "$bucket" --key reports/missing.json "$work/missing" 2>&1); then echo "s3.GetObject(missing): unexpected success"; else echo "s3.GetObject(missing): $(tr -s ' \n' ' ' <<<"$err")"; fi
run s3api delete-object --bucket "$bucket" --key reports/copy.json
echo "s3.DeleteObject: done"

run dynamodb create-table --table-name orders-cli --key-schema AttributeName=id,KeyType=HASH --attribute-definitions AttributeName=id,AttributeType=S \
  --billing-mode PAY_PER_REQUEST | show dynamodb.CreateTable "[out['TableDescription'][k] for k in ('TableName', 'TableStatus')]"
run dynamodb put-item --table-name orders-cli --item '{"id": {"S": "o-1"}, "total": {"N": "42"}}'
run dynamodb get-item --table-name orders-cli --key '{"id": {"S": "o-1"}}' | show dynamodb.GetItem "out['Item']"

queue=$(run sqs create-queue --queue-name tapegate-e2e-cli --query QueueUrl --output text)
echo "sqs.CreateQueue: $queue"
run sqs send-message --queue-url "$queue" --message-body '{"order": "o-1"}' | show sqs.SendMessage "[out['MessageId'], out['MD5OfMessageBody']]"
run sqs receive-message --queue-url "$queue" | show sqs.ReceiveMessage "[(m['MessageId'], m['Body']) for m in out['Messages']]"

run sts get-caller-identity | show sts.GetCallerIdentity "[out['Account'], out['Arn']]"

run lambda invoke --function-name tapegate-echo --cli-binary-format raw-in-base64-out --payload '{"order": "o-1"}' "$work/payload.json" |
  show lambda.Invoke "[out['StatusCode'], out.get('ExecutedVersion'), json.load(open('$work/payload.json'))]"
run lambda list-functions | show lambda.ListFunctions "[f['FunctionName'] for f in out['Functions']]"
