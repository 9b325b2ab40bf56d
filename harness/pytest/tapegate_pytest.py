"""tapegate_pytest: a cassette per pytest test, through one running tapegate proxy.

Run the suite under tapegate, which sets TAPEGATE_URL and puts this file on PYTHONPATH:

    tapegate exec --sessions --cassette-dir tests/cassettes [--mode record --upstream URL] -- \\
        python3 -m pytest -p tapegate_pytest tests/

or start `tapegate serve --cassette-dir tests/cassettes`, set TAPEGATE_URL to the URL it prints
and load the plugin yourself (`-p tapegate_pytest` with this folder on PYTHONPATH, or
`pytest_plugins = ["tapegate_pytest"]` in a conftest.py).

The `tapegate_cassette` fixture starts a session on the cassette named after the test
(`<module path without .py>/<class>/<test name>`, inside the cassette folder), yields a
`TapegateSession`, and stops the session at teardown, which writes the cassette. Clients made
with `session.client("apigateway")`, or attached with `session.attach(client)`, send the
session's id in the `x-tapegate-session` header (added after signing, by a botocore
`before-send` hook), so each test is served from its own cassette in its own order, whatever
else runs. A session that missed requests fails the test at teardown with the proxy's summary.

`@pytest.mark.tapegate(cassette="name", mode="record", force=True)` overrides the name or the
mode of one test; TAPEGATE_MODE, when set, is the mode of every session (otherwise the proxy's
`--mode` decides). Standard library and boto3/botocore only.
"""
import json
import os
import re
import urllib.error
import urllib.request

import pytest

SESSION_HEADER = "x-tapegate-session"
CONTROL_PATH = "/__tapegate/sessions"

# Loopback only: the environment's HTTP proxy settings must not reroute control requests.
_opener = urllib.request.build_opener(urllib.request.ProxyHandler({}))


class TapegateError(Exception):
    """The control surface refused a request, or could not be reached; the message says why."""


def _call(url, method, path, body=None):
    data = None if body is None else json.dumps(body).encode("utf-8")
    request = urllib.request.Request(url.rstrip("/") + path, data=data, method=method,
                                     headers={"content-type": "application/json"} if data is not None else {})
    try:
        with _opener.open(request, timeout=60) as response:
            return json.loads(response.read().decode("utf-8"))
    except urllib.error.HTTPError as error:
        text = error.read().decode("utf-8", "replace")
        try:
            message = json.loads(text).get("message", text)
        except ValueError:
            message = text
        raise TapegateError("%s %s answered %d: %s" % (method, path, error.code, message)) from None
    except urllib.error.URLError as error:
        raise TapegateError("cannot reach tapegate at %s (TAPEGATE_URL): %s" % (url, error.reason)) from None


class TapegateSession:
    """One open session: its id, the proxy's URL, and clients that name the session."""

    def __init__(self, url, started):
        self.url = url
        self.id = started["id"]
        self.cassette = started["cassette"]
        self.file = started.get("file")
        self.mode = started["mode"]
        #: The proxy's summary of the session once stopped (served, missed, recorded, findings, ...).
        self.summary = None

    @property
    def headers(self):
        """The header that routes a request to this session, for clients other than boto3."""
        return {SESSION_HEADER: self.id}

    def _add_header(self, request, **_kwargs):
        request.headers[SESSION_HEADER] = self.id

    def attach(self, client):
        """Makes an existing boto3/botocore client send this session's header; returns it."""
        client.meta.events.register("before-send", self._add_header)
        return client

    def client(self, service_name, **kwargs):
        """A boto3 client pointed at the proxy and routed to this session.

        Replay needs no real credentials or region: throw-away ones are used where none are set.
        """
        import boto3

        session = kwargs.pop("boto3_session", None) or boto3.session.Session()
        kwargs.setdefault("endpoint_url", self.url)
        if kwargs.get("region_name") is None and session.region_name is None:
            kwargs["region_name"] = "us-east-1"
        if "aws_access_key_id" not in kwargs and session.get_credentials() is None:
            kwargs["aws_access_key_id"] = "TAPEGATEPYTEST"
            kwargs["aws_secret_access_key"] = "tapegate-pytest-needs-no-secret"
        return self.attach(session.client(service_name, **kwargs))

    def stop(self):
        """Stops the session (its cassette is written) and returns the proxy's summary."""
        if self.summary is None:
            self.summary = _call(self.url, "DELETE", "%s/%s" % (CONTROL_PATH, self.id))
        return self.summary


def start_session(url, cassette, mode=None, force=None):
    """Starts a session on `cassette` (a name inside the proxy's cassette folder)."""
    body = {"cassette": cassette}
    if mode:
        body["mode"] = mode
    if force is not None:
        body["force"] = bool(force)
    return TapegateSession(url, _call(url, "POST", CONTROL_PATH, body))


def cassette_name(nodeid):
    """`tests/test_x.py::TestA::test_b[1]` → `tests/test_x/TestA/test_b_1_`."""
    path, _, rest = nodeid.partition("::")
    if path.endswith(".py"):
        path = path[:-3]
    parts = path.split("/") + [part for part in rest.split("::") if part]
    return "/".join(part if part == ".." else re.sub(r"[^\w.-]", "_", part) for part in parts)


def pytest_configure(config):
    config.addinivalue_line("markers", "tapegate(cassette=None, mode=None, force=None): the cassette and mode of this test's tapegate session")


@pytest.fixture
def tapegate_cassette(request):
    """A tapegate session on this test's own cassette, stopped (and written) at teardown."""
    url = os.environ.get("TAPEGATE_URL")
    if not url:
        pytest.fail("TAPEGATE_URL is not set: run pytest under `tapegate exec --sessions --cassette-dir DIR -- ...`, "
                    "or set it to the URL `tapegate serve` printed", pytrace=False)
    marker = request.node.get_closest_marker("tapegate")
    options = dict(marker.kwargs) if marker is not None else {}
    cassette = options.get("cassette") or cassette_name(request.node.nodeid)
    mode = options.get("mode") or os.environ.get("TAPEGATE_MODE") or None
    try:
        session = start_session(url, cassette, mode, options.get("force"))
    except TapegateError as error:
        pytest.fail(str(error), pytrace=False)
    try:
        yield session
    finally:
        summary = session.stop()
    if summary.get("missed"):
        pytest.fail("tapegate: %d request(s) of this test missed its cassette %r:\n%s"
                    % (summary["missed"], session.file, summary.get("summary", "")), pytrace=False)
