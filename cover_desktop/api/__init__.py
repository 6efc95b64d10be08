"""Talking to the Upload Cover API. No Qt in here."""

from typing import TYPE_CHECKING, Any

# Each name is loaded from its module on first use: `from ..api.models import …` (most of the app) then
# never pays for the HTTP client's code (httpx, ~40 ms at a cold start), which only the runtime's start needs.
if TYPE_CHECKING:
    from .client import ApiClient, RetryNotice, insecure_base, normalize_base_url
    from .errors import (
                         ApiError,
                         ApiTimeout,
                         AuthError,
                         BadResponse,
                         InsecureConnection,
                         InsufficientCredits,
                         InvalidRequest,
                         KeyFormatError,
                         MediaError,
                         NetworkError,
                         NotFound,
                         RateLimited,
                         ServerError,
                         TlsError,
                         ValidationError,
    )
    from .keys import key_problem
    from .models import (
                         CREDITS_MAX,
                         CREDITS_MIN,
                         Clip,
                         CoverRequest,
                         Phase,
                         TaskStatus,
                         classify,
    )
    from .retry import RetryPolicy, parse_retry_after

_HOME = {
    "client": ("ApiClient", "RetryNotice", "insecure_base", "normalize_base_url"),
    "errors": ("ApiError", "ApiTimeout", "AuthError", "BadResponse", "InsecureConnection", "InsufficientCredits",
               "InvalidRequest", "KeyFormatError", "MediaError", "NetworkError", "NotFound", "RateLimited",
               "ServerError", "TlsError", "ValidationError"),
    "keys": ("key_problem",),
    "models": ("CREDITS_MAX", "CREDITS_MIN", "Clip", "CoverRequest", "Phase", "TaskStatus", "classify"),
    "retry": ("RetryPolicy", "parse_retry_after"),
}
_MODULE_OF = {name: module for module, names in _HOME.items() for name in names}


def __getattr__(name: str) -> Any:
    module = _MODULE_OF.get(name)
    if module is None:
        raise AttributeError(f"module {__name__!r} has no attribute {name!r}")
    from importlib import import_module
    value = getattr(import_module(f".{module}", __name__), name)
    globals()[name] = value
    return value


__all__ = [
                     "CREDITS_MAX",
                     "CREDITS_MIN",
                     "ApiClient",
                     "ApiError",
                     "ApiTimeout",
                     "AuthError",
                     "BadResponse",
                     "Clip",
                     "CoverRequest",
                     "InsecureConnection",
                     "InsufficientCredits",
                     "InvalidRequest",
                     "KeyFormatError",
                     "MediaError",
                     "NetworkError",
                     "NotFound",
                     "Phase",
                     "RateLimited",
                     "RetryNotice",
                     "RetryPolicy",
                     "ServerError",
                     "TaskStatus",
                     "TlsError",
                     "ValidationError",
                     "classify",
                     "insecure_base",
                     "key_problem",
                     "normalize_base_url",
                     "parse_retry_after",
]
