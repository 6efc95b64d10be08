"""Talking to the Upload Cover API. No Qt in here."""

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
