"""What the coordinator's screens show and allow, computed without Qt."""

from __future__ import annotations

from pathlib import Path

from oefenplek.core.lessons import load_catalog
from oefenplek.core.staff import COORDINATOR, VOLUNTEER, StaffMember
from oefenplek.storage.db import Database
from oefenplek.storage.learner_admin import LearnerAdmin
from oefenplek.storage.repository import Repository
from oefenplek.views.coordinator import (
    NOBODY,
    TeamRow,
    ThemeChoice,
    learners_admin_view,
    team_rows,
    theme_choices,
)


def stored_learners(tmp_path: Path) -> tuple[LearnerAdmin, dict[str, str]]:
    """Anna, Bram (archived) and Cor (anonymised), as the coordinator's storage has them."""
    repository = Repository(Database(f"sqlite:///{tmp_path / 'admin.sqlite3'}"))
    admin = LearnerAdmin(repository)
    ids = {name: repository.add_learner(name, avatar).id
           for name, avatar in (("Anna", "cat"), ("Bram", "dog"), ("Cor", "fish"))}
    admin.archive(ids["Bram"])
    admin.anonymise(ids["Cor"])
    return admin, ids


def test_the_list_names_archived_and_anonymised_learners(tmp_path: Path) -> None:
    admin, ids = stored_learners(tmp_path)
    view = learners_admin_view(admin.all_learners())
    assert [(row.learner_id, row.label) for row in view.rows] == [
        (ids["Anna"], "Anna"), (ids["Bram"], "Bram (gearchiveerd)"),
        (ids["Cor"], "(geanonimiseerd) (gearchiveerd)")]  # the nameless ones at the end


def test_a_learner_can_be_changed_merged_archived_and_removed(tmp_path: Path) -> None:
    admin, ids = stored_learners(tmp_path)
    view = learners_admin_view(admin.all_learners())
    anna = view.choose(ids["Anna"])
    assert (anna.name, anna.avatar, anna.archived) == ("Anna", "cat", False)
    assert anna.archive_text == "Archiveren"
    assert anna.merge_with == ((ids["Bram"], "Bram"),)  # not herself, not a nameless tile
    assert all((anna.rename, anna.picture, anna.merge, anna.archive, anna.export,
                anna.anonymise, anna.delete, anna.details))
    bram = view.choose(ids["Bram"])
    assert bram.archive_text == "Terugzetten" and bram.archive
    assert bram.merge_with == ((ids["Anna"], "Anna"),)


def test_an_anonymised_learner_can_only_be_exported_or_deleted(tmp_path: Path) -> None:
    admin, ids = stored_learners(tmp_path)
    cor = learners_admin_view(admin.all_learners()).choose(ids["Cor"])
    assert (cor.export, cor.delete) == (True, True)
    assert not any((cor.rename, cor.picture, cor.merge, cor.archive, cor.anonymise,
                    cor.details))


def test_merging_needs_another_tile(tmp_path: Path) -> None:
    repository = Repository(Database(f"sqlite:///{tmp_path / 'one.sqlite3'}"))
    only = repository.add_learner("Anna", "cat")
    view = learners_admin_view(LearnerAdmin(repository).all_learners())
    chosen = view.choose(only.id)
    assert chosen.merge_with == () and not chosen.merge
    assert chosen.rename


def test_with_nobody_chosen_nothing_can_be_done_to_anybody() -> None:
    empty = learners_admin_view([])
    assert empty.first() == ""
    assert empty.choose("") == NOBODY
    assert not any((NOBODY.rename, NOBODY.picture, NOBODY.merge, NOBODY.archive,
                    NOBODY.export, NOBODY.anonymise, NOBODY.delete, NOBODY.details))


def test_after_a_change_the_same_learner_stays_chosen(tmp_path: Path) -> None:
    admin, ids = stored_learners(tmp_path)
    view = learners_admin_view(admin.all_learners())
    assert view.first(ids["Bram"]) == ids["Bram"]
    assert view.first("gone") == view.rows[0].learner_id == ids["Anna"]
    assert view.first() == ids["Anna"]


def test_the_team_shows_roles_and_nobody_removes_themselves() -> None:
    joke = StaffMember("s1", "Joke", COORDINATOR)
    anja = StaffMember("s2", "Anja", VOLUNTEER)
    assert team_rows([anja, joke], "s1") == [
        TeamRow("s2", "Anja", "Anja — Vrijwilliger", True),
        TeamRow("s1", "Joke", "Joke — Coördinator", False)]


def test_the_settings_tick_the_themes_learners_see(fixture_lessons: Path) -> None:
    themes = load_catalog([fixture_lessons]).themes
    assert theme_choices(themes, None) == [
        ThemeChoice("tablet", "Tablet en telefoon", True),
        ThemeChoice("internet", "Internet en wifi", True)]
    assert [choice.offered for choice in theme_choices(themes, {"internet"})] == [False, True]
