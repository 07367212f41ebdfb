"""The location's settings by name: what the coordinator chose, read and written in one place.

The learner side, the certificates and the staff area all read these; keeping the names and
their meaning here means none of them imports another's code. Plain data only: no Qt here.
"""

from __future__ import annotations

from pathlib import Path

from oefenplek.core.text import LOCATION_NAME_LENGTH, clean_line
from oefenplek.storage.repository import Repository

LOCATION_NAME = "location_name"  # the name on certificates and reports
THEMES_OFFERED = "themes_offered"  # comma-separated theme ids; empty means all
AUTO_READ = "read_aloud_auto"  # "1" when new learners hear steps by themselves
EXTRA = "extra_fields"  # comma-separated keys of the optional questions switched on
LOGO = "logo_path"  # the location's logo, copied into the data folder

#: The location's name until the coordinator sets one.
DEFAULT_LOCATION = "Digitale oefenplek"


def offered_themes(value: str) -> set[str] | None:
    """The themes learners may choose; None means all of them."""
    chosen = {part for part in value.split(",") if part}
    return chosen or None


class Settings:
    """Typed access to the settings table: each setting's meaning is decided here once."""

    def __init__(self, repository: Repository) -> None:
        self.repository = repository

    def location_name(self) -> str:
        return self.repository.setting(LOCATION_NAME, DEFAULT_LOCATION)

    def themes_offered(self) -> set[str] | None:
        return offered_themes(self.repository.setting(THEMES_OFFERED))

    def read_aloud_auto(self) -> bool:
        return self.repository.setting(AUTO_READ) == "1"

    def extra_fields(self) -> set[str]:
        return {key for key in self.repository.setting(EXTRA).split(",") if key}

    def logo_setting(self) -> str:
        return self.repository.setting(LOGO)

    def logo_path(self) -> Path | None:
        """The location's logo, if it is set and still there."""
        value = self.logo_setting()
        return Path(value) if value and Path(value).is_file() else None

    def save_location(self, name: str, themes: list[str], auto_read: bool,
                      extra: list[str]) -> None:
        """The coordinator's settings screen, saved as one change."""
        self.repository.set_settings({
            LOCATION_NAME: clean_line(name, LOCATION_NAME_LENGTH), THEMES_OFFERED: ",".join(themes),
            AUTO_READ: "1" if auto_read else "0", EXTRA: ",".join(extra)})

    def set_logo(self, path: str) -> None:
        self.repository.set_settings({LOGO: path})
