"""The v2 parameter-key rules from Python boto3: one valid and one invalid call per rule.

Run under `tapegate exec --mode record` (test/clients/v2-parameter-rules.test.ts), which
records every call; the test checks the findings of each exchange by its position, so the
order of the calls below is part of the test. boto3 1.26 predates AWS_ENDPOINT_URL: the
endpoint is passed explicitly. Prints the operations called, one JSON list.
"""
import json
import os
import sys

import boto3

session = boto3.session.Session(region_name=os.environ.get("AWS_REGION", "us-east-1"))
v2 = session.client("apigatewayv2", endpoint_url=os.environ["AWS_ENDPOINT_URL"])
called = []


def call(name, fn, **kwargs):
    out = fn(**kwargs)
    called.append(name)
    return out


http = call("CreateApi", v2.create_api, Name="rules-boto3-http", ProtocolType="HTTP")  # 0
ws = call("CreateApi", v2.create_api, Name="rules-boto3-ws", ProtocolType="WEBSOCKET",
          RouteSelectionExpression="$request.body.action")  # 1
on_http = dict(ApiId=http["ApiId"], IntegrationType="HTTP_PROXY", IntegrationMethod="GET",
               IntegrationUri="https://example.com/orders", PayloadFormatVersion="1.0")
# 2: valid HTTP forms
call("CreateIntegration", v2.create_integration, **on_http,
     RequestParameters={"append:header.x-request-id": "$context.requestId", "overwrite:path": "/orders"},
     ResponseParameters={"200": {"overwrite:statuscode": "204"}, "500": {"append:header.x-error": "yes"}})
# 3: the WebSocket form on an HTTP API, a selection key past 599, the seed prose's overwrite.statuscode
bad = call("CreateIntegration", v2.create_integration, **on_http,
           RequestParameters={"integration.request.header.x-id": "$context.requestId"},
           ResponseParameters={"600": {"overwrite:statuscode": "500"}, "200": {"overwrite.statuscode": "403"}})
# 4: a subtype takes its action's parameter names
sqs = call("CreateIntegration", v2.create_integration, ApiId=http["ApiId"], IntegrationType="AWS_PROXY",
           IntegrationSubtype="SQS-SendMessage", CredentialsArn="arn:aws:iam::123456789012:role/apigw-sqs",
           PayloadFormatVersion="1.0",
           RequestParameters={"QueueUrl": "https://sqs.us-east-1.amazonaws.com/123456789012/orders",
                              "MessageBody": "$request.body"})
# 5: an update without the subtype keeps it: a header form is not one of its parameters
call("UpdateIntegration", v2.update_integration, ApiId=http["ApiId"], IntegrationId=sqs["IntegrationId"],
     RequestParameters={"QueueUrl": "https://sqs.us-east-1.amazonaws.com/123456789012/orders",
                        "append:header.x-group": "g"})
# 6: valid WebSocket forms
mock = call("CreateIntegration", v2.create_integration, ApiId=ws["ApiId"], IntegrationType="MOCK",
            RequestParameters={"integration.request.header.connectionId": "context.connectionId"})
on_mock = dict(ApiId=ws["ApiId"], IntegrationId=mock["IntegrationId"])
# 7: the HTTP form on a WebSocket API
call("UpdateIntegration", v2.update_integration, **on_mock, RequestParameters={"overwrite:header.connectionId": "context.connectionId"})
# 8: valid integration response parameters
fine = call("CreateIntegrationResponse", v2.create_integration_response, **on_mock, IntegrationResponseKey="$default",
            ResponseParameters={"method.response.header.x-request-id": "integration.response.header.x-amzn-requestid",
                                "method.response.header.x-static": "'static'"})
# 9: a key that is no method response header, a value that is none of the three forms
call("CreateIntegrationResponse", v2.create_integration_response, **on_mock, IntegrationResponseKey="/5\\d\\d/",
     ResponseParameters={"x-request-id": "'abc'", "method.response.header.x-a": "static"})
# 10: an update with a value from the request side
call("UpdateIntegrationResponse", v2.update_integration_response, **on_mock, IntegrationResponseId=fine["IntegrationResponseId"],
     ResponseParameters={"method.response.header.x-b": "integration.request.header.b"})
# 11, 12: the stored bad keys in what Get answers
call("GetIntegration", v2.get_integration, ApiId=http["ApiId"], IntegrationId=bad["IntegrationId"])
call("GetIntegrationResponses", v2.get_integration_responses, **on_mock)

json.dump(called, sys.stdout)
