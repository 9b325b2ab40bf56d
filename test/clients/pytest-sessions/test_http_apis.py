"""API Gateway v2 from boto3, a cassette per test (the tapegate_cassette fixture)."""
import pytest
from botocore.exceptions import ClientError


def websocket_mock_integration(v2):
    api = v2.create_api(Name="orders-ws", ProtocolType="WEBSOCKET", RouteSelectionExpression="$request.body.action")
    mock = v2.create_integration(ApiId=api["ApiId"], IntegrationType="MOCK",
                                 RequestTemplates={"$default": '{"statusCode": 200}'}, TemplateSelectionExpression="$default")
    return dict(ApiId=api["ApiId"], IntegrationId=mock["IntegrationId"])


def test_create_http_api(tapegate_cassette):
    v2 = tapegate_cassette.client("apigatewayv2")
    api = v2.create_api(Name="orders", ProtocolType="HTTP")
    assert api["ProtocolType"] == "HTTP"
    assert api["Name"] == "orders"


def test_same_http_api_twice_gets_two_ids(tapegate_cassette):
    v2 = tapegate_cassette.client("apigatewayv2")
    ids = {v2.create_api(Name="orders", ProtocolType="HTTP")["ApiId"] for _ in range(3)}
    assert len(ids) == 3


def test_update_integration_timeout(tapegate_cassette):
    v2 = tapegate_cassette.client("apigatewayv2")
    api = v2.create_api(Name="orders", ProtocolType="HTTP")
    integration = v2.create_integration(ApiId=api["ApiId"], IntegrationType="HTTP_PROXY", IntegrationMethod="GET",
                                        IntegrationUri="https://example.com/orders", PayloadFormatVersion="1.0")
    updated = v2.update_integration(ApiId=api["ApiId"], IntegrationId=integration["IntegrationId"], TimeoutInMillis=12000)
    assert updated["TimeoutInMillis"] == 12000


def test_integration_responses_listed_before_and_after_create(tapegate_cassette):
    v2 = tapegate_cassette.client("apigatewayv2")
    ids = websocket_mock_integration(v2)
    before = v2.get_integration_responses(**ids)["Items"]
    v2.create_integration_response(IntegrationResponseKey="$default", **ids)
    after = v2.get_integration_responses(**ids)["Items"]
    assert before == []
    assert [item["IntegrationResponseKey"] for item in after] == ["$default"]


def test_update_integration_response(tapegate_cassette):
    v2 = tapegate_cassette.client("apigatewayv2")
    ids = websocket_mock_integration(v2)
    created = v2.create_integration_response(IntegrationResponseKey="$default", **ids)
    updated = v2.update_integration_response(IntegrationResponseId=created["IntegrationResponseId"],
                                             ContentHandlingStrategy="CONVERT_TO_TEXT", **ids)
    assert updated["ContentHandlingStrategy"] == "CONVERT_TO_TEXT"


def test_deleted_api_is_gone(tapegate_cassette):
    v2 = tapegate_cassette.client("apigatewayv2")
    api = v2.create_api(Name="orders", ProtocolType="HTTP")
    v2.delete_api(ApiId=api["ApiId"])
    with pytest.raises(ClientError) as raised:
        v2.delete_api(ApiId=api["ApiId"])
    assert raised.value.response["Error"]["Code"] == "NotFoundException"
