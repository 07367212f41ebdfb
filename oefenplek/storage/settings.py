"""The names of the location's settings, and reading the ones that need more than a lookup.

One place for these names, so the learner side and the certificates can read what the
coordinator set without importing the staff area's code. Plain data only: no Qt here.
"""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from oefenplek.storage.repository import Repository

LOCATION_NAME = "location_name"  # the name on certificates and reports
THEMES_OFFERED = "themes_offered"  # comma-separated theme ids; empty means all
AUTO_READ = "read_aloud_auto"  # "1" when new learners hear steps by themselves
EXTRA = "extra_fields"  # comma-separated keys of the optional questions switched on
LOGO = "logo_path"  # the location's logo, copied into the data folder


def offered_themes(value: str) -> set[str] | None:
    """The themes learners may choose; None means all of them."""
    chosen = {part for part in value.split(",") if part}
    return chosen or None


def logo_path(repository: Repository) -> Path | None:
    """The location's logo, if it is set and still there."""
    value = repository.setting(LOGO)
    return Path(value) if value and Path(value).is_file() else None
