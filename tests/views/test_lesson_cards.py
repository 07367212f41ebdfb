"""The lessons screen's cards, without Qt: the offered themes in order, each lesson new,
busy at its step or done for this learner, in the learner's language."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta

from oefenplek import paths
from oefenplek.core.lessons import load_catalog
from oefenplek.core.lessons.translations import in_language
from oefenplek.core.progress import LessonStatus, RunRecord
from oefenplek.views.lessons import theme_cards

CATALOG = load_catalog([paths.lessons_dir()])
WHEN = datetime(2026, 3, 2, 10, tzinfo=UTC)


def run(lesson_id: str, position: int, finished: bool, minutes: int = 0) -> RunRecord:
    return RunRecord(f"run-{lesson_id}-{minutes}", "learner", lesson_id, 1,
                     WHEN + timedelta(minutes=minutes), position,
                     WHEN + timedelta(minutes=minutes + 5) if finished else None)


def test_every_theme_and_lesson_is_a_card_new_for_a_new_learner() -> None:
    cards = theme_cards(CATALOG, [], None, "nl")
    assert [card.id for card in cards] == [theme.id for theme in CATALOG.themes]
    for card, theme in zip(cards, CATALOG.themes, strict=True):
        assert [lesson.id for lesson in card.lessons] == [
            lesson.id for lesson in CATALOG.lessons_of(theme.id)]
        assert all(lesson.status is LessonStatus.NEW and lesson.state_text() == "Nieuw"
                   for lesson in card.lessons)


def test_only_the_offered_themes_are_shown() -> None:
    chosen = {CATALOG.themes[1].id, CATALOG.themes[0].id}
    cards = theme_cards(CATALOG, [], chosen, "nl")
    assert [card.id for card in cards] == [CATALOG.themes[0].id, CATALOG.themes[1].id]


def test_a_busy_lesson_says_its_step_and_a_finished_one_is_done() -> None:
    index, theme = next((n, theme) for n, theme in enumerate(CATALOG.themes)
                        if len(CATALOG.lessons_of(theme.id)) >= 2)
    first, second = CATALOG.lessons_of(theme.id)[:2]
    runs = [run(first.id, 0, finished=True), run(second.id, 2, finished=False, minutes=10)]
    lessons = {card.id: card for card in theme_cards(CATALOG, runs, None, "nl")[index].lessons}
    assert lessons[first.id].state_text() == "Klaar ✓"
    assert lessons[second.id].status is LessonStatus.BUSY
    assert lessons[second.id].state_text() == f"Bezig: stap 3 van {second.step_count}"


def test_titles_are_in_the_learners_language() -> None:
    theme = CATALOG.themes[0]
    lesson = CATALOG.lessons_of(theme.id)[0]
    card = theme_cards(CATALOG, [], None, "en")[0]
    assert card.title == in_language(theme.title, "en") != theme.title
    assert card.lessons[0].title == in_language(lesson.title, "en") != lesson.title
