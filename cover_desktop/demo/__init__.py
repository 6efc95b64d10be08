"""A loopback server that speaks the Upload Cover API, for trying the app and for the tests."""

from .server import DEMO_KEY, DemoServer

__all__ = ["DEMO_KEY", "DemoServer"]
