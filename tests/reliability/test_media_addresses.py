"""Media links and redirects do not reach other services on this machine or the local network (issue 17,
defect 4), unless the API itself is on such an address (the demo server, these tests).

Real servers on loopback stand in for both sides: ``secret`` is another service on this machine, which no
link may reach; the demo's media host, where a test needs one that counts as public, listens on 127.0.0.2
and is declared public through the fetcher's address classifier (the seam), all else staying as in the app.
"""

from __future__ import annotations

import asyncio
import ipaddress

import pytest

from cover_desktop.api import MediaError
from cover_desktop.app import parse_args
from cover_desktop.demo import DemoServer
from cover_desktop.media.addresses import api_is_local, is_public
from cover_desktop.media.fetch import MediaFetcher
from cover_desktop.runtime import Runtime
from cover_desktop.settings import KeyStore, Settings
from helpers import KEY, run

CDN = ipaddress.ip_address("127.0.0.2")


@pytest.fixture
def secret():
    server = DemoServer(duration=0).start()
    yield server
    server.stop()


@pytest.fixture
def cdn():
    server = DemoServer(duration=0, host=str(CDN)).start()
    yield server
    server.stop()


def fetch(aloop, url, dest, **options):
    async def body():
        fetcher = MediaFetcher(**options)
        try:
            return await fetcher.fetch(url, dest, "audio")
        finally:
            await fetcher.aclose()
    return run(aloop, body())


def port(server) -> int:
    return int(server.media_url.rsplit(":", 1)[1])


@pytest.mark.parametrize("host", ["127.0.0.1", "localhost", "2130706433", "[::ffff:127.0.0.1]", "0.0.0.0"])
def test_a_link_to_this_machine_is_refused_when_the_api_is_public(aloop, tmp_path, secret, host):
    url = f"http://{host}:{port(secret)}/audio?item_id=c1"
    with pytest.raises(MediaError, match="this computer or a private network") as info:
        fetch(aloop, url, tmp_path / "a", private_ok=False)
    assert not info.value.retryable
    assert secret.requests() == [], "nothing was asked of the other service"
    assert list(tmp_path.iterdir()) == []


@pytest.mark.parametrize("target", ["http://127.0.0.1:{port}/audio?item_id=c1",
                                    "http://localhost:{port}/audio?item_id=c1",
                                    "http://169.254.169.254/latest/meta-data/",
                                    "http://10.0.0.1/", "http://192.168.1.1/admin"])
def test_a_redirect_to_this_machine_or_the_local_network_is_refused(aloop, tmp_path, secret, cdn, target):
    cdn.inject("redirect", target="media", variant=target.format(port=port(secret)))
    with pytest.raises(MediaError, match="this computer or a private network"):
        fetch(aloop, f"{cdn.media_url}/audio?item_id=c1", tmp_path / "a", private_ok=False,
              public=lambda ip: ip == CDN or is_public(ip))
    assert len(cdn.requests("media")) == 1, "the first hop was asked"
    assert secret.requests() == [], "the redirect was not followed"
    assert list(tmp_path.iterdir()) == []


def test_a_redirect_between_public_hosts_is_followed(aloop, tmp_path, cdn):
    cdn.inject("redirect", target="media", path_contains="item_id=first",
               variant=f"{cdn.media_url}/audio?item_id=c1")
    path = fetch(aloop, f"{cdn.media_url}/audio?item_id=first", tmp_path / "a", private_ok=False,
                 public=lambda ip: ip == CDN or is_public(ip))
    assert path.read_bytes() == cdn.audio_for("c1")
    assert [r.path for r in cdn.requests("media")] == ["/audio?item_id=first", "/audio?item_id=c1"]


def test_a_local_api_lets_its_media_come_from_this_machine(aloop, tmp_path, demo):
    fetcher = MediaFetcher()
    fetcher.api_base = demo.api_url
    try:
        path = run(aloop, fetcher.fetch(f"{demo.media_url}/audio?item_id=c1", tmp_path / "a", "audio"))
    finally:
        run(aloop, fetcher.aclose())
    assert path.read_bytes() == demo.audio_for("c1")


@pytest.mark.parametrize(("base", "local"), [("http://127.0.0.1:8080", True), ("http://localhost:1", True),
                                             ("https://192.168.0.10", True), ("http://[::1]:9", True),
                                             ("https://1.1.1.1", False), ("https://[2606:4700::1111]", False)])
def test_which_api_bases_count_as_local(base, local):
    assert asyncio.run(api_is_local(base)) is local


def test_the_app_binds_its_fetcher_to_the_api_it_uses(aloop, tmp_path, monkeypatch, secret):
    # a public API (by its address: nothing is asked of it here) and a clip link to this machine
    monkeypatch.setenv("COVER_DESKTOP_API_KEY", KEY)
    rt = Runtime(parse_args(["--base-url", "https://1.1.1.1"]), Settings(), KeyStore())
    run(aloop, rt.start())
    try:
        assert rt.fetcher.api_base == "https://1.1.1.1"
        with pytest.raises(MediaError, match="private network"):
            run(aloop, rt.fetcher.fetch(f"{secret.media_url}/audio?item_id=c1", tmp_path / "a", "audio"))
    finally:
        run(aloop, rt.aclose())
        rt.deleteLater()
    assert secret.requests() == []


def test_a_name_that_turns_private_after_its_check_is_refused_by_the_address_connected_to(aloop, tmp_path, cdn):
    # as with DNS rebinding: the name's addresses were public when checked, the connection reached a private one
    verdicts = iter([True])
    with pytest.raises(MediaError, match="private network"):
        fetch(aloop, f"{cdn.media_url}/audio?item_id=c1", tmp_path / "a", private_ok=False,
              public=lambda ip: next(verdicts, False))
    assert list(tmp_path.iterdir()) == [], "its answer is not kept"
