"""One log record is one line: a server's words cannot forge lines, and no record is megabytes long."""

from __future__ import annotations

import logging

import pytest

from cover_desktop.logsetup import MESSAGE_MAX, REDACT, escape_controls, setup_logging

pytestmark = pytest.mark.log_warnings(r"^probe: ")


@pytest.fixture
def log_file(tmp_path):
    path = setup_logging(tmp_path / "logs")
    yield path
    root = logging.getLogger()
    for h in list(root.handlers):
        if getattr(h, "_cover_desktop", False):
            root.removeHandler(h)
            h.close()


def lines(path):
    for h in logging.getLogger().handlers:
        h.flush()
    return path.read_text("utf-8").splitlines()


def test_newlines_in_server_text_are_escaped(log_file):
    said = "Model failure\n2026-01-01 00:00:00,000 ERROR cover_desktop.api: key accepted\r\x1b[2Kdone\u2028x"
    logging.getLogger("probe").warning("job failed: %s", said)
    got = lines(log_file)
    assert len(got) == 1
    assert got[0].endswith("job failed: Model failure\\n2026-01-01 00:00:00,000 ERROR cover_desktop.api: "
                           "key accepted\\r\\x1b[2Kdone\\u2028x")


def test_a_huge_message_is_cut(log_file):
    logging.getLogger("probe").warning("error: %s", "e" * 5_000_000)
    (line,) = lines(log_file)
    assert len(line) < MESSAGE_MAX + 200 and line.endswith("more characters)")


def test_keys_are_scrubbed_before_the_cut(log_file):
    secret = "proxy-secret-" + "q" * 30  # a key of another shape, known to the filter by value
    REDACT.add(secret)
    logging.getLogger("probe").warning("%s%s", "x" * (MESSAGE_MAX - 10), secret)
    (line,) = lines(log_file)
    assert "proxy-sec" not in line


def test_escape_keeps_ordinary_text():
    assert escape_controls("caf\u00e9 \u97f3\u697d \u2014 ok") == "caf\u00e9 \u97f3\u697d \u2014 ok"
