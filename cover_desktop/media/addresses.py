"""Which machines a media link may reach.

An ``audio_url`` or ``image_url`` comes from the service's answer, and a media host may redirect anywhere:
either could point the app at another service on this machine or on the user's network (a router's admin
page, a database's HTTP port) and have its answer stored as a "clip". So links, and every redirect, must
resolve to public addresses only, unless the API itself is on such an address (the demo server, tests, a
proxy on the user's own network): then its media are there too.
"""

from __future__ import annotations

import asyncio
import ipaddress
import socket
from collections.abc import Callable
from urllib.parse import urlsplit

IPAddress = ipaddress.IPv4Address | ipaddress.IPv6Address
Classifier = Callable[[IPAddress], bool]

LOCAL_NAMES = ("localhost", "localhost.localdomain", "ip6-localhost", "ip6-loopback")


def is_public(ip: IPAddress) -> bool:
    """Reachable on the internet at large: not loopback, link-local, private, shared, reserved or multicast."""
    if isinstance(ip, ipaddress.IPv6Address):
        # ::ffff:127.0.0.1 and 64:ff9b::7f00:1 are the same machine in another notation
        inner = ip.ipv4_mapped or ip.sixtofour or (ipaddress.IPv4Address(int(ip) & 0xFFFFFFFF)
                                                   if ip in ipaddress.IPv6Network("64:ff9b::/96") else None)
        if inner is not None:
            return is_public(inner)
    return ip.is_global and not ip.is_multicast


def literal(host: str) -> IPAddress | None:
    try:
        return ipaddress.ip_address(host.strip("[]").split("%", 1)[0])
    except ValueError:
        return None


async def resolve(host: str, port: int) -> list[IPAddress]:
    """Every address ``host`` resolves to (what the connection will use); [] when it does not resolve."""
    ip = literal(host)
    if ip is not None:
        return [ip]
    try:
        infos = await asyncio.to_thread(socket.getaddrinfo, host, port, type=socket.SOCK_STREAM)
    except (OSError, UnicodeError):
        return []
    found: list[IPAddress] = []
    for info in infos:
        addr = literal(str(info[4][0]))
        if addr is not None and addr not in found:
            found.append(addr)
    return found


async def api_is_local(base_url: str) -> bool:
    """True when the API's own host is on a loopback, link-local or private address."""
    try:
        parts = urlsplit(base_url)
        host, port = parts.hostname or "", parts.port or (443 if parts.scheme == "https" else 80)
    except ValueError:
        return False
    if not host:
        return False
    if host.lower().rstrip(".") in LOCAL_NAMES or host.lower().endswith(".localhost"):
        return True
    addresses = await resolve(host, port)
    return bool(addresses) and not all(is_public(a) for a in addresses)
