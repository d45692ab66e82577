"""The event lexicon: the CAMEO code table and the project's own trigger patterns, loaded once per process.

Both live in ``dateline/resources`` (``cameo_codes.csv``, ``event_patterns.toml``; each file carries its source
note and the pattern file documents its format). Patterns are compiled into dictionaries keyed by lemma, so a
token costs one dictionary lookup unless its lemma is a trigger.
"""

from __future__ import annotations

import csv
import tomllib
from dataclasses import dataclass, field
from functools import cache
from importlib import resources

from dateline.errors import ConfigError


@dataclass(frozen=True, slots=True)
class CodeInfo:
    """One row of the CAMEO table."""

    code: str
    name: str
    goldstein: float
    quad_class: int
    plover: str | None


@dataclass(frozen=True, slots=True)
class Pattern:
    """One trigger pattern (see the format notes in ``event_patterns.toml``)."""

    code: str
    noun: bool
    lemma: str
    particles: tuple[frozenset[str], ...] = ()
    required: tuple[frozenset[str], ...] = ()
    forbidden: frozenset[str] = frozenset()
    order: int = 0

    @property
    def specificity(self) -> int:
        return len(self.particles) + 2 * len(self.required)


@dataclass(frozen=True, slots=True)
class Frame:
    """A verb or noun that takes an event as its complement ("agreed to send", "demanded the release")."""

    family: str
    base: str
    lemma: str
    particles: tuple[frozenset[str], ...] = ()


@dataclass(slots=True)
class Lexicon:
    """Everything the events stage looks up, compiled for lookups by lemma."""

    table: dict[str, CodeInfo]
    verbs: dict[str, list[Pattern]] = field(default_factory=dict)
    nouns: dict[str, list[Pattern]] = field(default_factory=dict)
    adjectives: dict[str, list[Pattern]] = field(default_factory=dict)  # predicative: "was optimistic about"
    verb_frames: dict[str, list[Frame]] = field(default_factory=dict)
    noun_frames: dict[str, list[Frame]] = field(default_factory=dict)
    compose: dict[str, dict[str, str]] = field(default_factory=dict)
    bases: dict[str, str] = field(default_factory=dict)  # frame family -> its own code ("appeal" -> "020")
    modes: dict[str, frozenset[str]] = field(default_factory=dict)
    instruments: list[tuple[tuple[str, ...], str]] = field(default_factory=list)
    of_is_source: frozenset[str] = frozenset()
    symmetric: frozenset[str] = frozenset()

    def info(self, code: str | None) -> CodeInfo | None:
        """The table row of ``code``, or None for an unknown code."""
        return self.table.get(code) if code else None

    def composed(self, family: str, inner: str) -> str | None:
        """The code of a frame of ``family`` over a complement coded ``inner`` (longest prefix wins)."""
        table = self.compose.get(family, {})
        for size in range(len(inner), 1, -1):
            if inner[:size] in table:
                return table[inner[:size]]
        return None


def parse_pattern(code: str, text: str, order: int) -> Pattern:
    """Compile one pattern string such as ``"n:aid +military"`` or ``"pull out of +talk|talks"``."""
    noun = text.startswith("n:")
    words = (text[2:] if noun or text.startswith("a:") else text).split()
    plain = [w for w in words if w[0] not in "+-"]
    required = tuple(frozenset(w[1:].split("|")) for w in words if w.startswith("+"))
    forbidden = frozenset(x for w in words if w.startswith("-") for x in w[1:].split("|"))
    if not plain:
        raise ConfigError(f"event pattern {text!r} of code {code} names no trigger word", code="E010")
    if noun:
        # "n:hunger strike": the last word is the head, the others modifiers it must carry.
        head, modifiers = plain[-1], tuple(frozenset([w]) for w in plain[:-1] if w != "of")
        if "of" in plain:
            head = plain[0]
            modifiers = tuple(frozenset([w]) for w in plain[1:] if w != "of")
        return Pattern(code, True, head, (), modifiers + required, forbidden, order)
    particles = tuple(frozenset(w.split("|")) for w in plain[1:])
    return Pattern(code, False, plain[0], particles, required, forbidden, order)


@cache
def load() -> Lexicon:
    """Load and check both resource files (once per process)."""
    lexicon = Lexicon(table=_load_table())
    data = tomllib.loads(_read("event_patterns.toml"))
    order = 0
    for code, texts in data["codes"].items():
        if code not in lexicon.table:
            raise ConfigError(f"event pattern code {code} is not in cameo_codes.csv", code="E010")
        for text in texts:
            pattern = parse_pattern(code, text, order)
            order += 1
            target = lexicon.nouns if pattern.noun else lexicon.adjectives if text.startswith("a:") else lexicon.verbs
            target.setdefault(pattern.lemma, []).append(pattern)
    _load_frames(lexicon, data)
    lexicon.modes = {key: frozenset(values) for key, values in data["modes"].items()}
    lexicon.instruments = sorted(
        ((tuple(name.split()), code) for code, names in data["instruments"].items() for name in names),
        key=lambda item: -len(item[0]),
    )
    lexicon.of_is_source = frozenset(data["roles"]["of_is_source"])
    lexicon.symmetric = frozenset(data["roles"]["symmetric"])
    return lexicon


def _load_frames(lexicon: Lexicon, data: dict) -> None:
    lexicon.compose = {family: dict(table) for family, table in data["compose"].items()}
    for family, spec in data["frames"].items():
        lexicon.bases[family] = spec["base"]
        for text in spec["verbs"]:
            words = text.split()
            frame = Frame(family, spec["base"], words[0], tuple(frozenset([w]) for w in words[1:]))
            lexicon.verb_frames.setdefault(words[0], []).append(frame)
        for lemma in spec["nouns"]:
            lexicon.noun_frames.setdefault(lemma, []).append(Frame(family, spec["base"], lemma))


def _load_table() -> dict[str, CodeInfo]:
    lines = [line for line in _read("cameo_codes.csv").splitlines() if not line.startswith("#")]
    table = {}
    for row in csv.DictReader(lines):
        table[row["code"]] = CodeInfo(
            row["code"], row["name"], float(row["goldstein"]), int(row["quad_class"]), row["plover"] or None
        )
    return table


def _read(name: str) -> str:
    return resources.files("dateline.resources").joinpath(name).read_text(encoding="utf-8")
