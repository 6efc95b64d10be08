"""Whether an API key can go in an HTTP header at all, said without showing the key."""

from __future__ import annotations

import unicodedata

from .words import N_, Words


def _describe(ch: str) -> str:
    name = unicodedata.name(ch, "")
    return f"U+{ord(ch):04X} {name}".strip()


def key_problem(key: str) -> str | None:
    """Why ``key`` cannot be sent, as Words; None when it can (an empty key is "no key", not a bad one).

    Leading and trailing whitespace is trimmed everywhere a key is used, so only what is inside counts.
    The message names the position and kind of character, never the key or the character itself.
    """
    key = (key or "").strip()
    for pos, ch in enumerate(key, 1):
        if "!" <= ch <= "~":
            continue
        if ch in "\r\n\x0b\x0c\x85\u2028\u2029":
            return Words.of(N_("The API key has a line break inside it (character {position}). A key is one "
                               "unbroken word. Paste the key again in Settings (File \u2192 Settings)."), position=pos)
        if ch.isspace():
            return Words.of(N_("The API key has a space inside it (character {position}). A key is one unbroken "
                               "word. Paste the key again in Settings (File \u2192 Settings)."), position=pos)
        if unicodedata.category(ch) in ("Cf", "Cc", "Mn", "Zs"):
            return Words.of(N_("The API key has an invisible character inside it ({character}, character "
                               "{position}), probably copied along with it. Paste the key again in Settings "
                               "(File \u2192 Settings)."), character=_describe(ch), position=pos)
        return Words.of(N_("The API key has a character that cannot be part of a key ({character}, character "
                           "{position}); keys are plain letters, digits and punctuation. Paste the key again in "
                           "Settings (File \u2192 Settings)."), character=_describe(ch), position=pos)
    return None
