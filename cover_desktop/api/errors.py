"""One exception family for everything that can go wrong talking to the service.

Every message is written for a musician, not a developer: it says what happened and what to do.
No message ever contains the API key (the client never puts it anywhere but a request header).

An error is raised with its kind (the class) and its message as ``Words``: the English marked with ``N_`` and the
values of its fields, passed as keywords (``NotFound(N_("… “{audio_id}” …"), audio_id=subject, status=404)``).
``err.message`` and ``str(err)`` are the English, for logs; ``ui.messages.describe(err)`` says it in the user's
language.
"""

from __future__ import annotations

from .words import Value, Words


def _words(message: str, values: dict[str, Value]) -> Words:
    if isinstance(message, Words) and not values:
        return message
    return Words.of(message, **values)


class ApiError(Exception):
    """Base of all service errors. ``str(err)`` is the message in English."""

    kind = "error"
    retryable = False

    def __init__(self, message: str, *, status: int | None = None, detail: str = "",
                 retry_after: float | None = None, **values: Value):
        self.message = _words(message, values)
        super().__init__(str(self.message))
        self.status = status
        self.detail = detail  # server's own words, shortened; shown under "details"
        self.retry_after = retry_after
        # False only when the request surely never reached the server (refused connection):
        # tells a failed submit that cost nothing from one whose outcome is unknown.
        self.reached_server = True

    def __repr__(self) -> str:
        return f"{type(self).__name__}(status={self.status!r}, message={self.message!r})"


class ValidationError(ApiError):
    """Refused before anything was sent; ``field`` names the form field to mark."""

    kind = "validation"

    def __init__(self, field: str, message: str, **values: Value):
        super().__init__(_words(message, values))
        self.field = field


class InvalidRequest(ApiError):
    kind = "invalid_request"


class AuthError(ApiError):
    kind = "authentication_error"


class KeyFormatError(AuthError):
    """The key has characters no HTTP header can carry: refused before anything is sent."""

    kind = "key_format"

    def __init__(self, message: str, **values: Value):
        super().__init__(_words(message, values))
        self.reached_server = False


class InsecureConnection(ApiError):
    """Refused to send the key in clear text over plain http:// to a host that is not this machine."""

    kind = "insecure"

    def __init__(self, message: str, **values: Value):
        super().__init__(_words(message, values))
        self.reached_server = False


class InsufficientCredits(ApiError):
    kind = "insufficient_credits"


class NotFound(ApiError):
    kind = "not_found"


class RateLimited(ApiError):
    kind = "rate_limited"
    retryable = True


class ServerError(ApiError):
    kind = "server_error"
    retryable = True


class BadResponse(ApiError):
    """The reply could not be understood (HTML from a proxy, broken JSON, an unexpected shape)."""

    kind = "bad_response"
    retryable = True


class NetworkError(ApiError):
    kind = "network"
    retryable = True


class ApiTimeout(NetworkError):
    kind = "timeout"


class TlsError(NetworkError):
    kind = "tls"
    retryable = False


class MediaError(ApiError):
    """A clip's audio or cover could not be fetched or is not what it claims to be.

    ``retryable`` tells a passing trouble (network, stall, 5xx, a cut-off download) from one that
    trying again cannot fix (an expired link, a file that is not audio, a refused URL).
    """

    kind = "media"

    def __init__(self, message: str, *, retryable: bool = False, status: int | None = None, detail: str = "",
                 **values: Value):
        super().__init__(_words(message, values), status=status, detail=detail)
        self.retryable = retryable
