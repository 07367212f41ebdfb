"""Where a lesson's facts come from, and facts that change each year kept in one place.

`sources` are tables with the date someone last checked them; `facts` are values such as the
eigen risico of this year that step texts use as `{eigen-risico}`. A source or fact checked
more than a year ago is a warning, so staff know which lessons to look at again. That warning
depends on today's date, so the catalog adds it after loading (and after the cache): a cached
catalog never holds yesterday's idea of "too old".
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from datetime import date
from pathlib import Path
from typing import Any

from oefenplek.core.lessons.collect import Collector
from oefenplek.core.lessons.model import Lesson, Problem, Source
from oefenplek.core.lessons.schema import FACT_KEYS, SOURCE_KEYS
from oefenplek.i18n import _

#: A source or fact checked longer ago than this many days is a warning.
MAX_AGE_DAYS = 365
#: `{name}` in a text: the value of the fact `name`.
FACT = re.compile(r"\{([A-Za-z0-9][A-Za-z0-9_-]*)\}")
_SOURCE_TEXTS = [name for name, kind in SOURCE_KEYS.items() if kind is str]


def today() -> date:
    """Today's date; one place, so a test can move the calendar on."""
    return date.today()


def is_date(value: Any) -> bool:
    """A TOML local date (2026-12-02), not a date with a time and not a text."""
    return type(value) is date


def read_sources(value: Any, out: Collector) -> tuple[Source, ...]:
    """The lesson's sources; an old-style plain text or a missing part is an error."""
    if not isinstance(value, list):
        return ()
    if not value:
        out.error(_("name at least one source"), "sources")
    sources = []
    for index, raw in enumerate(value, start=1):
        where = f"sources[{index}]"
        if not isinstance(raw, dict) or any(name not in raw for name in SOURCE_KEYS):
            out.error(_("a source needs title, organisation, url and checked"), where)
            continue
        for name in sorted(set(raw) - set(SOURCE_KEYS)):
            out.error(_("unknown key '{name}' in a source").format(name=name), where)
        texts = [raw[name] for name in _SOURCE_TEXTS]
        if not all(isinstance(text, str) and text.strip() for text in texts):
            out.error(_("a source's title, organisation and url are texts"), where)
            continue
        if not re.match(r"https?://\S+$", raw["url"].strip()):
            out.error(_("the url should start with https://"), where)
        if not is_date(raw["checked"]):
            out.error(_("'checked' should be a date such as 2026-12-02 (without quotes)"),
                      where)
            continue
        title, organisation, url = (text.strip() for text in texts)
        sources.append(Source(title, organisation, url, raw["checked"]))
    return tuple(sources)


@dataclass
class Facts:
    """The lesson's facts, and which of them its texts used."""

    values: dict[str, str] = field(default_factory=dict)
    checked: dict[str, date] = field(default_factory=dict)
    used: set[str] = field(default_factory=set)

    def fill(self, text: str, key: str, out: Collector) -> str:
        """The text with every `{name}` replaced by its fact; an unknown name is an error."""
        def value(found: re.Match[str]) -> str:
            name = found.group(1)
            if name not in self.values:
                out.error(_("'{fact}' is no fact of this lesson; add it under "
                            "[facts.{name}]").format(fact=found.group(0), name=name), key)
                return found.group(0)
            self.used.add(name)
            return self.values[name]

        return FACT.sub(value, text)

    def fill_any(self, value: Any, key: str, out: Collector) -> Any:
        """`fill` for a text, or for each text in a list (other values stay as they are)."""
        if isinstance(value, str):
            return self.fill(value, key, out)
        if isinstance(value, list):
            return [self.fill_any(item, key, out) for item in value]
        return value

    def unused(self, out: Collector) -> None:
        for name in self.values:
            if name not in self.used:
                out.warn(_("the fact '{name}' is used in no text").format(name=name),
                         f"facts.{name}")


def read_facts(value: Any, out: Collector) -> Facts:
    """`[facts.name]` tables with value, checked and source."""
    facts = Facts()
    if not isinstance(value, dict):
        return facts
    for name, raw in value.items():
        where = f"facts.{name}"
        if not FACT.fullmatch(f"{{{name}}}"):
            out.error(_("a fact's name uses only letters, digits and '-'"), where)
            continue
        if not isinstance(raw, dict):
            out.error(_("a fact needs value, checked and source"), where)
            continue
        for key in sorted(set(raw) - set(FACT_KEYS)):
            out.error(_("unknown key '{name}' in a fact").format(name=key), where)
        if not (isinstance(raw.get("value"), str) and raw["value"].strip()
                and isinstance(raw.get("source"), str) and raw["source"].strip()):
            out.error(_("a fact needs value, checked and source"), where)
            continue
        if not is_date(raw.get("checked")):
            out.error(_("'checked' should be a date such as 2026-12-02 (without quotes)"),
                      where)
            continue
        facts.values[name] = raw["value"].strip()
        facts.checked[name] = raw["checked"]
    return facts


def age_problems(lesson: Lesson, file: Path, on: date) -> list[Problem]:
    """Warnings for the sources and facts of a lesson last checked over a year before `on`."""
    found = []
    for index, source in enumerate(lesson.sources, start=1):
        if (on - source.checked).days > MAX_AGE_DAYS:
            found.append(Problem(file, _(
                "this source was last checked on {date}, more than a year ago: check it "
                "again").format(date=source.checked.isoformat()), key=f"sources[{index}]",
                warning=True))
    for name, checked in lesson.facts_checked:
        if (on - checked).days > MAX_AGE_DAYS:
            found.append(Problem(file, _(
                "this fact was last checked on {date}, more than a year ago: check it "
                "again").format(date=checked.isoformat()), key=f"facts.{name}", warning=True))
    return found
