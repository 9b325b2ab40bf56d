"""GetIntegrationResponse from Python boto3, once per error spelling the test's emulator plays.

Prints one JSON list: for each call, the error code botocore read and the exception class it
raised (a modeled NotFoundException, or the generic ClientError when it could not map the code).
"""
import json
import sys

import boto3
from botocore.config import Config
from botocore.exceptions import ClientError

endpoint, calls = sys.argv[1], int(sys.argv[2])
client = boto3.session.Session(region_name="us-east-1").client(
    "apigateway",
    endpoint_url=endpoint,
    aws_access_key_id="AKIDEXAMPLE",
    aws_secret_access_key="fake-secret-key-for-loopback-tests-only",
    config=Config(retries={"total_max_attempts": 1}),
)
results = []
for _ in range(calls):
    try:
        client.get_integration_response(restApiId="a1b2c3d4e5", resourceId="r3s0ur", httpMethod="GET", statusCode="200")
        results.append({"code": None, "exception": None})
    except ClientError as error:
        results.append({"code": error.response["Error"]["Code"], "exception": type(error).__name__})
print(json.dumps(results))
