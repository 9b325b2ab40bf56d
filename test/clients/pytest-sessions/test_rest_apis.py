"""API Gateway v1 from boto3, a cassette per test (the tapegate_cassette fixture).

Several tests send identical requests (`create_rest_api(name="orders")`) and get different
answers (the upstream makes a new id each time): replayed from one suite-wide cassette, a
test run alone would be served another test's answers; with a cassette per test it is not.
"""
import pytest
from botocore.exceptions import ClientError


def rest_api_with_mock_integration(v1, name="orders"):
    api = v1.create_rest_api(name=name)
    root = next(r for r in v1.get_resources(restApiId=api["id"])["items"] if r["path"] == "/")
    at = dict(restApiId=api["id"], resourceId=root["id"], httpMethod="GET")
    v1.put_method(authorizationType="NONE", **at)
    v1.put_integration(type="MOCK", requestTemplates={"application/json": '{"statusCode": 200}'}, **at)
    v1.put_method_response(statusCode="200", **at)
    v1.put_integration_response(statusCode="200", selectionPattern="", responseTemplates={"application/json": '{"v": 1}'}, **at)
    return at


def test_create_rest_api(tapegate_cassette):
    v1 = tapegate_cassette.client("apigateway")
    api = v1.create_rest_api(name="orders")
    assert api["name"] == "orders"
    paths = [r["path"] for r in v1.get_resources(restApiId=api["id"])["items"]]
    assert paths == ["/"]


def test_same_request_twice_gets_two_answers(tapegate_cassette):
    v1 = tapegate_cassette.client("apigateway")
    first = v1.create_rest_api(name="orders")
    second = v1.create_rest_api(name="orders")
    assert first["id"] != second["id"]
    assert v1.get_resources(restApiId=second["id"])["items"][0]["path"] == "/"


def test_integration_response_before_and_after_update(tapegate_cassette):
    v1 = tapegate_cassette.client("apigateway")
    at = rest_api_with_mock_integration(v1)
    before = v1.get_integration_response(statusCode="200", **at)
    v1.update_integration_response(statusCode="200", patchOperations=[
        {"op": "replace", "path": "/responseTemplates/application~1json", "value": '{"v": 2}'},
    ], **at)
    after = v1.get_integration_response(statusCode="200", **at)
    assert before["responseTemplates"] == {"application/json": '{"v": 1}'}
    assert after["responseTemplates"] == {"application/json": '{"v": 2}'}


def test_missing_integration_response_is_not_found(tapegate_cassette):
    v1 = tapegate_cassette.client("apigateway")
    at = rest_api_with_mock_integration(v1)
    with pytest.raises(ClientError) as raised:
        v1.get_integration_response(statusCode="404", **at)
    assert raised.value.response["Error"]["Code"] == "NotFoundException"


def test_deleted_rest_api_is_gone(tapegate_cassette):
    v1 = tapegate_cassette.client("apigateway")
    api = v1.create_rest_api(name="orders")
    v1.delete_rest_api(restApiId=api["id"])
    with pytest.raises(ClientError) as raised:
        v1.get_resources(restApiId=api["id"])
    assert raised.value.response["Error"]["Code"] == "NotFoundException"


def test_an_attached_client_uses_the_session(tapegate_cassette):
    import boto3

    session = boto3.session.Session(region_name="us-east-1")
    v1 = tapegate_cassette.attach(session.client("apigateway", endpoint_url=tapegate_cassette.url))
    assert v1.create_rest_api(name="attached")["name"] == "attached"
