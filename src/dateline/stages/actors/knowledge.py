"""What the actors stage knows beyond the text: role words and their CAMEO sectors (``sectors.csv``), international
bodies and their codes (``igos.csv``), and who held high office when (``offices.csv``).

Each table is read once per process, on first use. The formats are documented in the files' headers so users can
extend them.
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import cache

from dateline.stages.places.gazetteer import normalise, read_resource, split_list


@dataclass(frozen=True, slots=True)
class Sector:
    """A role word's CAMEO sector and the kind of actor the bare word names (person, organisation or group)."""

    word: str
    code: str
    kind: str


@dataclass(frozen=True, slots=True)
class Office:
    """One stint in one office."""

    country: str | None
    office: str
    name: str
    start: str
    end: str | None
    code: str | None

    def held_on(self, day: str) -> bool:
        """Whether the office was held on ``day`` (an ISO date), the day of handing over included: news of that
        day still calls the outgoing holder by the title."""
        return self.start <= day and (self.end is None or day <= self.end)

    @property
    def cameo(self) -> str | None:
        """The CAMEO code while in office: the row's own, else country + GOV."""
        return self.code or (f"{self.country}GOV" if self.country else None)


@cache
def sectors() -> dict[str, Sector]:
    """Role word (lower case) -> its sector."""
    return {row["word"]: Sector(row["word"], row["sector"], row["kind"]) for row in read_resource("sectors.csv")}


def sector_of(words: list[str]) -> Sector | None:
    """The sector of the most specific role phrase in ``words`` (two-word phrases before single words, last first)."""
    table = sectors()
    lowered = [w.lower() for w in words]
    for i in range(len(lowered) - 2, -1, -1):
        found = table.get(f"{lowered[i]} {lowered[i + 1]}")
        if found is not None:
            return found
    for word in reversed(lowered):
        if word in table:
            return table[word]
    return None


@cache
def igos() -> dict[str, tuple[str, str]]:
    """Normalised name or alias -> (canonical name, CAMEO code)."""
    table: dict[str, tuple[str, str]] = {}
    for row in read_resource("igos.csv"):
        for name in (row["name"], *split_list(row["aliases"])):
            table[normalise(name)] = (row["name"], row["code"])
    return table


def igo(name: str) -> tuple[str, str] | None:
    """(canonical name, CAMEO code) of an international body's name, or None."""
    key = normalise(name)
    key = key[4:] if key.startswith("the ") else key
    return igos().get(key)


@cache
def offices() -> dict[str, tuple[Office, ...]]:
    """Normalised name, alias or surname -> every stint of every office-holder known by it."""
    table: dict[str, list[Office]] = {}
    for row in read_resource("offices.csv"):
        office = Office(
            row["country"] or None, row["office"], row["name"], row["start"], row["end"] or None, row["code"] or None
        )
        keys = {row["name"], row["name"].split()[-1], *split_list(row["aliases"])}
        for key in keys:
            table.setdefault(normalise(key), []).append(office)
    return {key: tuple(stints) for key, stints in table.items()}


def holders(name: str) -> tuple[Office, ...]:
    """Every stint of the office-holders a name can refer to."""
    return offices().get(normalise(name), ())


def office_on(name: str, day: str | None) -> tuple[Office | None, Office | None]:
    """(the stint held on ``day``, the latest stint before it) for a name; both None when the name is unknown.

    Without a day the current (open) stint counts as held; a name shared by several people counts only when all its
    candidates are one person.
    """
    stints = holders(name)
    if not stints or (len({s.name for s in stints}) > 1 and day is None):
        return None, None
    if day is None:
        current = [s for s in stints if s.end is None]
        return (current[0] if current else None), max(stints, key=lambda s: s.start)
    held = [s for s in stints if s.held_on(day)]
    if len({s.name for s in held}) == 1:
        return held[0], None
    before = [s for s in stints if s.start <= day]
    people = {s.name for s in before}
    if held or len(people) != 1:
        return None, None
    return None, max(before, key=lambda s: s.start)
