"""The seed scenario from Python boto3, as a user's test would run it under tapegate.

boto3 releases before 1.28 (Debian's is 1.26) do not read AWS_ENDPOINT_URL themselves, so
the endpoint is taken from the environment and passed as endpoint_url, as the README says.
Prints one JSON document: each call's operation and result (or error code), in order.
"""
import json
import os
import sys

import boto3
from botocore.exceptions import ClientError

endpoint = os.environ["AWS_ENDPOINT_URL"]
session = boto3.session.Session(region_name=os.environ.get("AWS_REGION", "us-east-1"))
v1 = session.client("apigateway", endpoint_url=endpoint)
v2 = session.client("apigatewayv2", endpoint_url=endpoint)
results = []


def call(operation, fn, **kwargs):
    try:
        out = fn(**kwargs)
    except ClientError as error:
        results.append({"operation": operation, "error": error.response["Error"]["Code"],
                        "status": error.response["ResponseMetadata"]["HTTPStatusCode"],
                        "message": error.response["Error"].get("Message", "")})
        return None
    meta = out.pop("ResponseMetadata", {})
    results.append({"operation": operation, "status": meta.get("HTTPStatusCode"), "output": out})
    return out


api = call("apigateway.CreateRestApi", v1.create_rest_api, name="tapegate-seed-boto3")
root = next(r for r in call("apigateway.GetResources", v1.get_resources, restApiId=api["id"])["items"] if r["path"] == "/")
at = dict(restApiId=api["id"], resourceId=root["id"], httpMethod="GET")
call("apigateway.PutMethod", v1.put_method, authorizationType="NONE", **at)
call("apigateway.PutIntegration", v1.put_integration, type="MOCK", requestTemplates={"application/json": '{"statusCode": 200}'}, **at)
call("apigateway.PutMethodResponse", v1.put_method_response, statusCode="200",
     responseParameters={"method.response.header.Access-Control-Allow-Origin": False}, **at)
call("apigateway.PutIntegrationResponse", v1.put_integration_response, statusCode="200", selectionPattern="",
     responseTemplates={"application/json": '{"ok": true}'},
     responseParameters={"method.response.header.Access-Control-Allow-Origin": "'*'"}, **at)
call("apigateway.GetIntegrationResponse", v1.get_integration_response, statusCode="200", **at)
call("apigateway.UpdateIntegrationResponse", v1.update_integration_response, statusCode="200", patchOperations=[
    {"op": "replace", "path": "/responseTemplates/application~1json", "value": '{"ok": true, "via": "boto3"}'},
    {"op": "replace", "path": "/contentHandling", "value": "CONVERT_TO_TEXT"},
], **at)
call("apigateway.GetIntegrationResponse", v1.get_integration_response, statusCode="404", **at)
call("apigateway.DeleteRestApi", v1.delete_rest_api, restApiId=api["id"])

http = call("apigatewayv2.CreateApi", v2.create_api, Name="tapegate-seed-boto3-http", ProtocolType="HTTP")
integration = call("apigatewayv2.CreateIntegration", v2.create_integration, ApiId=http["ApiId"], IntegrationType="HTTP_PROXY",
                   IntegrationMethod="GET", IntegrationUri="https://example.com/orders", PayloadFormatVersion="1.0")
call("apigatewayv2.UpdateIntegration", v2.update_integration, ApiId=http["ApiId"], IntegrationId=integration["IntegrationId"], TimeoutInMillis=12000)
ws = call("apigatewayv2.CreateApi", v2.create_api, Name="tapegate-seed-boto3-ws", ProtocolType="WEBSOCKET",
          RouteSelectionExpression="$request.body.action")
mock = call("apigatewayv2.CreateIntegration", v2.create_integration, ApiId=ws["ApiId"], IntegrationType="MOCK",
            RequestTemplates={"$default": '{"statusCode": 200}'}, TemplateSelectionExpression="$default")
created = call("apigatewayv2.CreateIntegrationResponse", v2.create_integration_response, ApiId=ws["ApiId"],
               IntegrationId=mock["IntegrationId"], IntegrationResponseKey="$default",
               ResponseTemplates={"$default": '{"route": "$context.routeKey"}'}, TemplateSelectionExpression="$default")
ids = dict(ApiId=ws["ApiId"], IntegrationId=mock["IntegrationId"], IntegrationResponseId=created["IntegrationResponseId"])
call("apigatewayv2.GetIntegrationResponse", v2.get_integration_response, **ids)
call("apigatewayv2.GetIntegrationResponses", v2.get_integration_responses, ApiId=ids["ApiId"], IntegrationId=ids["IntegrationId"])
call("apigatewayv2.UpdateIntegrationResponse", v2.update_integration_response, ContentHandlingStrategy="CONVERT_TO_TEXT", **ids)
call("apigatewayv2.DeleteApi", v2.delete_api, ApiId=ws["ApiId"])
call("apigatewayv2.DeleteApi", v2.delete_api, ApiId=http["ApiId"])

json.dump(results, sys.stdout, default=str)
