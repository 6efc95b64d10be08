"""A loopback server that speaks the Upload Cover API, for trying the app and for the tests."""

from .protocol import DEMO_KEY
from .server import DemoServer

__all__ = ["DEMO_KEY", "DemoServer"]
