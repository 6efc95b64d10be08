"""Words for a person, kept as what they mean rather than as finished text, so each reader gets them in their
own language: a job's error written today reads in French tomorrow if the window speaks French then.

The layers without Qt (this package) and the ones below the window write their messages in English and mark
each with ``N_("…")`` where it is written (the catalogue update finds them there, under the context ``Messages``);
the values of the message's ``{fields}`` travel beside it. ``ui.messages`` is the one place that turns them into
the user's language. Kept as a ``str`` whose value is the English text, a ``Words`` goes anywhere text goes (a log
line, a comparison, an older caller), and ``dump``/``load`` keep it in the job history.
"""

from __future__ import annotations

import json
import re
from collections.abc import Mapping
from typing import Any, NamedTuple, Union

__all__ = ["CONTEXT", "N_", "Phrase", "Value", "Words", "dump", "fill", "load", "said_by"]

CONTEXT = "Messages"
_FIELD = re.compile(r"\{(\w+)\}")
_DUMP_HEAD = '{"words":'   # what tells a kept Words from the plain text older versions kept

Value = Union[str, int, float, "Words"]


def N_(source: str) -> str:
    """Marks English words to be translated where they are shown (by ``ui.messages``), not where written."""
    return source


def fill(text: str, values: Mapping[str, object]) -> str:
    """``text`` with each ``{name}`` it has a value for replaced; any other brace is left as it is (a server's
    words or a translation may hold one)."""
    if not values:
        return text
    return _FIELD.sub(lambda m: str(values[m.group(1)]) if m.group(1) in values else m.group(0), text)


def _english(value: object) -> str:
    if isinstance(value, float):
        return f"{value:g}"
    return str(value)


class Phrase(NamedTuple):
    source: str                            # the English, as marked with N_: the catalogues' key
    values: tuple[tuple[str, Value], ...] = ()
    verbatim: bool = False                 # words nobody translates: a server's own, a file's name

    def english(self) -> str:
        return self.source if self.verbatim else fill(self.source, {k: _english(v) for k, v in self.values})


class Words(str):
    """The English text of one or more phrases (joined by a space), which keeps the phrases."""

    phrases: tuple[Phrase, ...]

    def __new__(cls, text: str = "", phrases: tuple[Phrase, ...] = ()) -> Words:
        # (text, phrases) and not phrases alone: copy and pickle rebuild a str subclass from its text
        self = super().__new__(cls, text)
        self.phrases = phrases
        return self

    @classmethod
    def of(cls, source: str, /, **values: Value) -> Words:
        """One phrase: ``source`` marked with N_ where it was written, and the values of its fields."""
        phrase = Phrase(source, tuple(values.items()))
        return cls(phrase.english(), (phrase,))

    @classmethod
    def plain(cls, text: str) -> Words:
        """Words shown as they are in every language."""
        return cls(text, (Phrase(text, (), True),) if text else ())

    @classmethod
    def joined(cls, *parts: str) -> Words:
        """The parts one after the other, a space between; plain strings among them are kept as they are."""
        phrases: list[Phrase] = []
        for part in parts:
            if isinstance(part, Words):
                phrases += part.phrases
            elif part:
                phrases.append(Phrase(part, (), True))
        return cls(" ".join(p.english() for p in phrases), tuple(phrases))

    # -- kept in a file ------------------------------------------------------------------------------------------
    def _data(self) -> list[Any]:
        return [{"plain": p.source} if p.verbatim else
                {"source": p.source, "values": {k: {"words": v._data()} if isinstance(v, Words) else v
                                                for k, v in p.values}}
                for p in self.phrases]

    def dump(self) -> str:
        return json.dumps({"words": self._data()}, ensure_ascii=False, separators=(",", ":"))


def said_by(exc: BaseException) -> str:
    """What an exception says: the Words it was raised with (``ValueError(Words.of(…))``), else its text."""
    first = exc.args[0] if len(exc.args) == 1 else None
    return first if isinstance(first, Words) else str(exc)


def dump(text: str) -> str:
    """What the job history keeps for ``text``: Words with their phrases, anything else as it is."""
    return text.dump() if isinstance(text, Words) and text.phrases else str(text)


def load(text: str) -> str:
    """``dump``'s answer back: Words, or the text itself when it is plain (an older version's English)."""
    if not text.startswith(_DUMP_HEAD):
        return text
    try:
        return _from_data(json.loads(text)["words"])
    except (ValueError, KeyError, TypeError, AttributeError, RecursionError):
        return text


def _from_data(data: list[Any]) -> Words:
    phrases = []
    for item in data:
        if "plain" in item:
            phrases.append(Phrase(str(item["plain"]), (), True))
            continue
        values: list[tuple[str, Value]] = []
        for key, value in dict(item["values"]).items():
            if isinstance(value, dict):
                value = _from_data(value["words"])
            elif not isinstance(value, (str, int, float)):
                value = str(value)
            values.append((str(key), value))
        phrases.append(Phrase(str(item["source"]), tuple(values)))
    return Words(" ".join(p.english() for p in phrases), tuple(phrases))
