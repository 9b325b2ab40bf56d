#!/usr/bin/env bash
# The seed scenario from the AWS CLI, with --endpoint-url as releases before 2.13 need.
# Prints one JSON array: each call's output, in order.
# Usage: seed-scenario-cli.sh AWS [ENDPOINT]  (ENDPOINT defaults to $AWS_ENDPOINT_URL, as tapegate exec sets it)
set -euo pipefail
aws=$1
endpoint=${2:-$AWS_ENDPOINT_URL}
export AWS_PAGER=""
run() { "$aws" --endpoint-url "$endpoint" --output json "$@"; }
field() { /usr/bin/python3 -c "import json,sys; print(json.load(sys.stdin)$1)"; }

outputs=()
# Each call is assigned first so that `set -e` stops the script when it fails.
keep() { outputs+=("${1:-null}"); }

out=$(run apigateway create-rest-api --name tapegate-seed-cli); keep "$out"
api=$(field "['id']" <<<"$out")
out=$(run apigateway get-resources --rest-api-id "$api"); keep "$out"
root=$(field "['items'][0]['id']" <<<"$out")
at=(--rest-api-id "$api" --resource-id "$root" --http-method GET)
out=$(run apigateway put-method "${at[@]}" --authorization-type NONE); keep "$out"
out=$(run apigateway put-integration "${at[@]}" --type MOCK --request-templates '{"application/json":"{\"statusCode\": 200}"}'); keep "$out"
out=$(run apigateway put-method-response "${at[@]}" --status-code 200 --response-parameters '{"method.response.header.Access-Control-Allow-Origin":false}'); keep "$out"
out=$(run apigateway put-integration-response "${at[@]}" --status-code 200 --selection-pattern '' --response-templates '{"application/json":"{\"ok\": true}"}' --response-parameters "{\"method.response.header.Access-Control-Allow-Origin\":\"'*'\"}"); keep "$out"
out=$(run apigateway get-integration-response "${at[@]}" --status-code 200); keep "$out"
out=$(run apigateway update-integration-response "${at[@]}" --status-code 200 --patch-operations '[{"op":"replace","path":"/responseTemplates/application~1json","value":"{\"ok\": true, \"via\": \"aws-cli\"}"},{"op":"replace","path":"/contentHandling","value":"CONVERT_TO_TEXT"}]'); keep "$out"
if err=$(run apigateway get-integration-response "${at[@]}" --status-code 404 2>&1); then keep '"unexpected success"'; else keep "$(/usr/bin/python3 -c 'import json,sys; print(json.dumps(sys.stdin.read().strip()))' <<<"$err")"; fi
keep "\"$(run apigateway delete-rest-api --rest-api-id "$api"; echo deleted)\""

out=$(run apigatewayv2 create-api --name tapegate-seed-cli-ws --protocol-type WEBSOCKET --route-selection-expression '$request.body.action'); keep "$out"
ws=$(field "['ApiId']" <<<"$out")
out=$(run apigatewayv2 create-integration --api-id "$ws" --integration-type MOCK --template-selection-expression '$default' --request-templates '{"$default":"{\"statusCode\": 200}"}'); keep "$out"
integration=$(field "['IntegrationId']" <<<"$out")
out=$(run apigatewayv2 create-integration-response --api-id "$ws" --integration-id "$integration" --integration-response-key '$default' --response-templates '{"$default":"{\"route\": \"$context.routeKey\"}"}'); keep "$out"
response=$(field "['IntegrationResponseId']" <<<"$out")
out=$(run apigatewayv2 update-integration-response --api-id "$ws" --integration-id "$integration" --integration-response-id "$response" --content-handling-strategy CONVERT_TO_TEXT); keep "$out"
out=$(run apigatewayv2 update-integration --api-id "$ws" --integration-id "$integration" --timeout-in-millis 20000); keep "$out"
keep "\"$(run apigatewayv2 delete-api --api-id "$ws"; echo deleted)\""

( IFS=,; echo "[${outputs[*]}]" )
