"""Whether an API key can go in an HTTP header at all, said without showing the key."""

from __future__ import annotations

import unicodedata

KEY_HINT = "Paste the key again in Settings (File \u2192 Settings)."


def _describe(ch: str) -> str:
    name = unicodedata.name(ch, "")
    return f"U+{ord(ch):04X} {name}".strip()


def key_problem(key: str) -> str | None:
    """Why ``key`` cannot be sent, in words; None when it can (an empty key is "no key", not a bad one).

    Leading and trailing whitespace is trimmed everywhere a key is used, so only what is inside counts.
    The message names the position and kind of character, never the key or the character itself.
    """
    key = (key or "").strip()
    for pos, ch in enumerate(key, 1):
        if "!" <= ch <= "~":
            continue
        if ch.isspace():
            what = "a line break" if ch in "\r\n\x0b\x0c\x85\u2028\u2029" else "a space"
            return f"The API key has {what} inside it (character {pos}). A key is one unbroken word. {KEY_HINT}"
        if unicodedata.category(ch) in ("Cf", "Cc", "Mn", "Zs"):
            return (f"The API key has an invisible character inside it ({_describe(ch)}, character {pos}), "
                    f"probably copied along with it. {KEY_HINT}")
        return (f"The API key has a character that cannot be part of a key ({_describe(ch)}, "
                f"character {pos}); keys are plain letters, digits and punctuation. {KEY_HINT}")
    return None
