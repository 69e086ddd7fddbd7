"""uvicorn's internal shape that cupql/serving.py relies on: these fail, loudly, when an upgrade changes it.

`BoundedHeadProtocol` extends `HttpToolsProtocol`, which uvicorn does not publish as an API; the tests in
test_serve_bounds.py and test_slow_clients.py prove its behaviour against a real server.
"""

from __future__ import annotations

import inspect
import tomllib
from importlib.metadata import version

from uvicorn.protocols.http.httptools_impl import HttpToolsProtocol

from cupql.serving import BoundedHeadProtocol
from tests.conftest import REPO


def test_uvicorn_is_pinned_to_the_version_whose_shape_is_tested() -> None:
    dependencies = tomllib.loads((REPO / "pyproject.toml").read_text())["project"]["dependencies"]
    assert f"uvicorn=={version('uvicorn')}" in dependencies


def test_the_methods_the_protocol_overrides_exist_upstream_with_the_same_parameters() -> None:
    overridden = {"connection_made", "connection_lost", "data_received", "on_message_complete", "on_headers_complete"}
    for name in overridden:
        upstream = getattr(HttpToolsProtocol, name)
        ours = getattr(BoundedHeadProtocol, name)
        assert list(inspect.signature(ours).parameters) == list(inspect.signature(upstream).parameters), name


def test_the_attributes_the_protocol_reads_are_set_upstream() -> None:
    source = inspect.getsource(HttpToolsProtocol)
    # `loop` arms the header timer, `transport` writes the 431 and closes the connection.
    assert "self.loop = " in source
    assert "self.transport = " in source
