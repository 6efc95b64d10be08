"""Talking to the Upload Cover API. No Qt in here."""

from .client import ApiClient, RetryNotice, normalize_base_url
from .errors import (ApiError, ApiTimeout, AuthError, BadResponse, InsufficientCredits, InvalidRequest,
                     MediaError, NetworkError, NotFound, RateLimited, ServerError, TlsError, ValidationError)
from .models import CREDITS_MAX, CREDITS_MIN, Clip, CoverRequest, Phase, TaskStatus, classify
from .retry import RetryPolicy, parse_retry_after

__all__ = [
    "ApiClient", "RetryNotice", "normalize_base_url", "ApiError", "ApiTimeout", "AuthError", "BadResponse",
    "InsufficientCredits", "InvalidRequest", "MediaError", "NetworkError", "NotFound", "RateLimited",
    "ServerError", "TlsError", "ValidationError", "CREDITS_MAX", "CREDITS_MIN", "Clip", "CoverRequest",
    "Phase", "TaskStatus", "classify", "RetryPolicy", "parse_retry_after",
]
