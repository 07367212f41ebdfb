"""The lesson cache: reused while nothing changed, rebuilt when anything did, never in the way.

Every test works on a copy of the fixture lessons under tmp_path. A spy on the loader counts
how many lesson files were read, so "the cache was used" is seen, not assumed. Files are
changed with a new mtime set by os.utime, never by waiting.
"""

from __future__ import annotations

import json
import os
import shutil
from collections.abc import Callable
from datetime import date
from pathlib import Path

import pytest

from oefenplek import i18n, paths
from oefenplek.core.lessons import catalog as catalog_module
from oefenplek.core.lessons import codec, load_catalog, loader
from oefenplek.core.lessons.cache import CachedCatalog, lesson_count
from oefenplek.core.lessons.model import (
    Catalog,
    GlossaryWord,
    Lesson,
    Problem,
    Source,
    Step,
)
from oefenplek.core.lessons.stamps import Seen
from oefenplek.core.lessons.words import Words

from ..conftest import FIXTURES


class Spy:
    """Counts the lessons the loader reads, around the real loader."""

    def __init__(self, monkeypatch: pytest.MonkeyPatch) -> None:
        self.reads = 0
        real = loader.load_lesson

        def counting(folder: Path, root: Path | None = None, seen: Seen | None = None,
                     words: Words | None = None) -> tuple[Lesson | None, list[Problem]]:
            self.reads += 1
            return real(folder, root, seen, words)

        monkeypatch.setattr(catalog_module, "load_lesson", counting)


@pytest.fixture
def spy(monkeypatch: pytest.MonkeyPatch) -> Spy:
    return Spy(monkeypatch)


@pytest.fixture
def roots(tmp_path: Path) -> list[Path]:
    """A copy of the good fixture lessons and of the broken ones (so there are problems too)."""
    good, broken = tmp_path / "lessons", tmp_path / "broken"
    shutil.copytree(FIXTURES / "lessons", good)
    shutil.copytree(FIXTURES / "broken", broken)
    return [good, broken]


@pytest.fixture
def cache_file(tmp_path: Path) -> Path:
    return tmp_path / "data" / "lessons-cache.json"


def edit(file: Path, old: str, new: str) -> None:
    """Change a file's text and move its mtime a second on, as an editor would."""
    before = file.stat()
    text = file.read_text(encoding="utf-8")
    assert old in text
    file.write_text(text.replace(old, new), encoding="utf-8")
    os.utime(file, ns=(before.st_atime_ns, before.st_mtime_ns + 1_000_000_000))


def warmed(roots: list[Path], cache_file: Path, spy: Spy) -> Catalog:
    """Load once so the cache file exists, and check it was really read from the lessons."""
    cache_file.parent.mkdir(exist_ok=True)
    catalog = load_catalog(roots, cache_file=cache_file)
    assert cache_file.is_file()
    assert spy.reads == 5  # 2 good lessons + 3 broken ones
    spy.reads = 0
    return catalog


def test_a_second_load_uses_the_cache_and_gives_the_same_catalog(
        roots: list[Path], cache_file: Path, spy: Spy) -> None:
    first = warmed(roots, cache_file, spy)
    second = load_catalog(roots, cache_file=cache_file)
    assert spy.reads == 0
    assert second == first == load_catalog(roots)
    assert list(second.lessons) == list(first.lessons)
    assert second.problems == first.problems and second.errors  # problems are kept too
    step = second.lessons["proef-les"].steps[1]
    assert step.screen == (roots[0] / "_screens" / "tablet.svg").resolve()
    assert step.target == "app-instellingen"


def test_without_a_cache_file_every_load_reads_the_lessons(
        roots: list[Path], spy: Spy, tmp_path: Path) -> None:
    load_catalog(roots)
    load_catalog(roots)
    assert spy.reads == 10
    assert sorted(p.name for p in tmp_path.iterdir()) == ["broken", "lessons"]


def test_the_cache_is_written_whole_and_for_its_user_only(
        roots: list[Path], cache_file: Path, spy: Spy) -> None:
    warmed(roots, cache_file, spy)
    assert [p.name for p in cache_file.parent.iterdir()] == [cache_file.name]  # no temp file
    assert json.loads(cache_file.read_text(encoding="utf-8"))["magic"]
    if os.name == "posix":
        assert cache_file.stat().st_mode & 0o077 == 0


def test_a_touched_lesson_file_is_read_again(
        roots: list[Path], cache_file: Path, spy: Spy) -> None:
    warmed(roots, cache_file, spy)
    toml = roots[0] / "tweede-les" / "lesson.toml"
    before = toml.stat()
    os.utime(toml, ns=(before.st_atime_ns, before.st_mtime_ns + 1))
    load_catalog(roots, cache_file=cache_file)
    assert spy.reads == 5


def test_a_changed_lesson_shows_its_change(
        roots: list[Path], cache_file: Path, spy: Spy) -> None:
    warmed(roots, cache_file, spy)
    edit(roots[0] / "tweede-les" / "lesson.toml", 'title = "Tweede les"', 'title = "Les twee"')
    assert load_catalog(roots, cache_file=cache_file).lessons["tweede-les"].title == "Les twee"
    spy.reads = 0
    assert load_catalog(roots, cache_file=cache_file).lessons["tweede-les"].title == "Les twee"
    assert spy.reads == 0  # and the new catalog is cached in its turn


def test_a_changed_screen_is_checked_again(
        roots: list[Path], cache_file: Path, spy: Spy) -> None:
    assert "tweede-les" in warmed(roots, cache_file, spy).lessons
    edit(roots[0] / "_screens" / "tablet.svg", 'id="app-camera"', 'id="app-foto"')
    catalog = load_catalog(roots, cache_file=cache_file)
    assert "tweede-les" not in catalog.lessons  # its target is gone from the drawing
    assert ("tweede-les", "target") in {(p.file.parent.name, p.key) for p in catalog.errors}


def test_a_changed_themes_file_is_read_again(
        roots: list[Path], cache_file: Path, spy: Spy) -> None:
    warmed(roots, cache_file, spy)
    edit(roots[0] / "themes.toml", 'title = "Internet en wifi"', 'title = "Wifi"')
    theme = load_catalog(roots, cache_file=cache_file).theme("internet")
    assert theme is not None and theme.title == "Wifi"


def test_a_new_lesson_folder_is_found(
        roots: list[Path], cache_file: Path, spy: Spy) -> None:
    warmed(roots, cache_file, spy)
    new = roots[0] / "derde-les"
    new.mkdir()
    (new / "lesson.toml").write_text(
        (roots[0] / "tweede-les" / "lesson.toml").read_text(encoding="utf-8")
        .replace('id = "tweede-les"', 'id = "derde-les"'), encoding="utf-8")
    assert "derde-les" in load_catalog(roots, cache_file=cache_file).lessons


def test_a_folder_that_gets_its_lesson_file_later_is_found(
        roots: list[Path], cache_file: Path, spy: Spy) -> None:
    new = roots[0] / "derde-les"
    new.mkdir()
    warmed(roots, cache_file, spy)
    shutil.copy(roots[0] / "tweede-les" / "lesson.toml", new / "lesson.toml")
    edit(new / "lesson.toml", 'id = "tweede-les"', 'id = "derde-les"')
    assert "derde-les" in load_catalog(roots, cache_file=cache_file).lessons


def test_a_removed_lesson_folder_is_gone(
        roots: list[Path], cache_file: Path, spy: Spy) -> None:
    assert "tweede-les" in warmed(roots, cache_file, spy).lessons
    shutil.rmtree(roots[0] / "tweede-les")
    catalog = load_catalog(roots, cache_file=cache_file)
    assert "tweede-les" not in catalog.lessons
    assert "proef-les" in catalog.lessons


def test_a_missing_picture_that_appears_lets_the_lesson_load(
        roots: list[Path], cache_file: Path, spy: Spy) -> None:
    lesson = roots[0] / "tweede-les" / "lesson.toml"
    edit(lesson, 'text = "Welkom terug."', 'text = "Welkom terug."\npicture = "foto.svg"')
    assert "tweede-les" not in warmed(roots, cache_file, spy).lessons
    shutil.copy(roots[0] / "_screens" / "tablet.svg", lesson.parent / "foto.svg")
    assert "tweede-les" in load_catalog(roots, cache_file=cache_file).lessons


def test_another_language_rebuilds_the_problem_texts(
        roots: list[Path], cache_file: Path, spy: Spy) -> None:
    dutch = warmed(roots, cache_file, spy)
    try:
        i18n.set_language("en")
        english = load_catalog(roots, cache_file=cache_file)
        assert spy.reads == 5
        assert english.problems == load_catalog(roots).problems
    finally:
        i18n.set_language("nl")
    assert [p.message for p in english.problems] != [p.message for p in dutch.problems]


def test_other_roots_do_not_share_a_cache(
        roots: list[Path], cache_file: Path, spy: Spy) -> None:
    warmed(roots, cache_file, spy)
    only_good = load_catalog(roots[:1], cache_file=cache_file)
    assert spy.reads == 2
    assert only_good.errors == []


@pytest.mark.parametrize("damage", [
    pytest.param(lambda data: b"\x00\xff garbage \x89PNG", id="garbage"),
    pytest.param(lambda data: b"", id="empty"),
    pytest.param(lambda data: data[: len(data) // 2], id="truncated"),
    pytest.param(lambda data: b'["a", "list"]', id="foreign-json"),
    pytest.param(lambda data: data.replace(b'"Tweede les"', b'7'), id="wrong-type"),
    pytest.param(lambda data: data.replace(b'"catalog":[', b'"catalog":[[],'), id="extra-value"),
    pytest.param(lambda data: data.replace(b'"stamps":"', b'"stamps":"0'), id="bad-stamp"),
    pytest.param(lambda data: data.replace(b'"files":"', b'"files":"x\\u0000'), id="bad-files"),
    pytest.param(lambda data: data.replace(b'"token":"', b'"token":"x'), id="other-token"),
    pytest.param(lambda data: b"[" * 100_000, id="deeply-nested"),
])
def test_a_damaged_cache_is_rebuilt_without_error(
        roots: list[Path], cache_file: Path, spy: Spy,
        damage: Callable[[bytes], bytes]) -> None:
    good = warmed(roots, cache_file, spy)
    damaged = damage(cache_file.read_bytes())
    assert damaged != cache_file.read_bytes()
    cache_file.write_bytes(damaged)
    assert load_catalog(roots, cache_file=cache_file) == good
    assert spy.reads == 5
    spy.reads = 0
    assert load_catalog(roots, cache_file=cache_file) == good  # and the file is good again
    assert spy.reads == 0


@pytest.mark.parametrize("where", ["parent-is-a-file", "is-a-folder", "no-parent"])
def test_a_cache_that_cannot_be_written_does_not_stop_the_start(
        roots: list[Path], tmp_path: Path, spy: Spy, where: str) -> None:
    blocker = tmp_path / "blocker"
    if where == "parent-is-a-file":
        blocker.write_text("not a folder", encoding="utf-8")
        cache_file = blocker / "lessons-cache.json"
    elif where == "is-a-folder":
        blocker.mkdir()
        cache_file = blocker
    else:
        cache_file = tmp_path / "gone" / "lessons-cache.json"
    catalog = load_catalog(roots, cache_file=cache_file)
    assert catalog == load_catalog(roots)
    assert set(catalog.lessons) == {"proef-les", "tweede-les"}
    assert not [p for p in tmp_path.rglob("*.tmp")]  # no temporary file is left behind


def test_the_real_lessons_survive_the_cache(tmp_path: Path) -> None:
    roots = [paths.lessons_dir()]
    cache_file = tmp_path / "lessons-cache.json"
    fresh = load_catalog(roots, cache_file=cache_file)
    assert load_catalog(roots, cache_file=cache_file) == fresh == load_catalog(roots)
    assert len(fresh.lessons) > 2


GLOSSARY = """[[word]]
word = "camera"
explain = "Met de camera maak je foto's."
"""


def test_a_changed_glossary_is_read_again(
        roots: list[Path], cache_file: Path, spy: Spy) -> None:
    glossary = roots[0] / "_woordenlijst.toml"
    glossary.write_text(GLOSSARY, encoding="utf-8")
    edit(roots[0] / "tweede-les" / "lesson.toml", 'text = "Tik op de camera."',
         'text = "Tik op de [camera]."')
    assert "tweede-les" in warmed(roots, cache_file, spy).lessons
    edit(glossary, 'word = "camera"', 'word = "fototoestel"')
    catalog = load_catalog(roots, cache_file=cache_file)
    assert spy.reads == 5
    assert "tweede-les" not in catalog.lessons  # its mark names no glossary word now
    assert set(catalog.glossary) == {"fototoestel"}
    assert ("tweede-les", "text") in {(p.file.parent.name, p.key) for p in catalog.errors}


def test_a_glossary_or_words_list_that_appears_is_read(
        roots: list[Path], cache_file: Path, spy: Spy) -> None:
    warmed(roots, cache_file, spy)
    (roots[0] / "_taal.toml").write_text(
        '[[avoid]]\nword = "camera"\nuse = "fototoestel"\n', encoding="utf-8")
    catalog = load_catalog(roots, cache_file=cache_file)
    assert spy.reads == 5
    assert "tweede-les" not in catalog.lessons
    assert {(p.step, p.key, p.message) for p in catalog.errors
            if p.file.parent.name == "tweede-les"} == {
        (step, key, "gebruik het woord 'camera' niet: schrijf 'fototoestel'")
        for step, key in ((None, "recap"), (2, "text"), (2, "hint"))}


def test_the_new_fields_survive_the_cache_dates_included(
        roots: list[Path], cache_file: Path, spy: Spy) -> None:
    (roots[0] / "_woordenlijst.toml").write_text(GLOSSARY, encoding="utf-8")
    edit(roots[0] / "proef-les" / "lesson.toml", 'ending = "Morgen oefen je verder."',
         'ending = "Morgen oefen je verder."\n\n[facts.prijs]\nvalue = "€ 5"\n'
         'checked = 2026-10-31\nsource = "https://example.org"')
    edit(roots[0] / "proef-les" / "lesson.toml", 'text = "Dit is een tablet."',
         'text = "Dit is een tablet van {prijs}."')
    fresh = warmed(roots, cache_file, spy)
    cached = load_catalog(roots, cache_file=cache_file)
    assert spy.reads == 0
    assert cached == fresh
    lesson = cached.lessons["proef-les"]
    assert lesson.sources[0].checked == date(2026, 12, 1)
    assert lesson.facts_checked == (("prijs", date(2026, 10, 31)),)
    assert lesson.recap == fresh.lessons["proef-les"].recap and lesson.recap
    assert lesson.steps[0].text == "Dit is een tablet van € 5."
    assert [step.guided for step in lesson.steps] == [True, True, False, True, False, True]
    assert cached.glossary["camera"].explain == "Met de camera maak je foto's."


def test_the_codec_round_trips_the_model_and_refuses_a_bad_date() -> None:
    word = GlossaryWord("QR-code", ("qr-codes",), "Een vierkantje.", Path("/x/qr.svg"), None)
    lesson = Lesson(
        id="les", version=1, theme="tablet", title="Les", summary="Kort.", minutes=5, level=1,
        can_do=("Ik kan het.",), folder=Path("/x/les"), recap=("Klaar.",), device="computer",
        steps=(Step(number=1, kind="tap", text="Klik.", guided=False, hint="Daar."),),
        sources=(Source("Titel", "Wie", "https://example.org", date(2024, 2, 29)),),
        facts_checked=(("prijs", date(2026, 1, 2)),))
    catalog = Catalog(lessons={"les": lesson}, glossary={"qr-code": word, "qr-codes": word})
    encoded = json.loads(json.dumps(codec.encode_catalog(catalog)))
    assert codec.decode_catalog(encoded) == catalog
    text = json.dumps(encoded)
    assert '"2024-02-29"' in text
    for bad in ('"2024-02-30"', "20240229"):
        with pytest.raises((TypeError, ValueError)):
            codec.decode_catalog(json.loads(text.replace('"2024-02-29"', bad)))


def test_a_start_reads_only_the_head_and_the_lessons_when_asked(
        roots: list[Path], cache_file: Path, spy: Spy) -> None:
    fresh = warmed(roots, cache_file, spy)
    cached = load_catalog(roots, cache_file=cache_file, today=date(2030, 1, 1))
    assert isinstance(cached, CachedCatalog) and not cached.read_in
    assert cached.themes == fresh.themes and cached.errors == fresh.errors  # what a start needs
    assert lesson_count(cached) == len(fresh.lessons) and not cached.read_in
    assert cached.lessons == fresh.lessons and cached.read_in and spy.reads == 0
    # Warnings that depend on the date come with the lessons, never as errors.
    old = [p for p in cached.warnings if (p.key or "").startswith("sources[")]
    assert old and not [p for p in cached.errors if (p.key or "").startswith("sources[")]
    assert cached.problems == load_catalog(roots, today=date(2030, 1, 1)).problems


def test_a_cache_replaced_after_the_start_is_not_mixed_in(
        roots: list[Path], cache_file: Path, spy: Spy) -> None:
    warmed(roots, cache_file, spy)
    started = load_catalog(roots, cache_file=cache_file)  # its lessons not read yet
    edit(roots[0] / "tweede-les" / "lesson.toml", 'title = "Tweede les"', 'title = "Les twee"')
    load_catalog(roots, cache_file=cache_file)  # another start writes a new cache file
    spy.reads = 0
    assert started.lessons["tweede-les"].title == "Les twee"  # read afresh, not half of each
    assert spy.reads == 5


def test_a_damaged_rest_of_the_same_length_is_noticed_when_read(
        roots: list[Path], cache_file: Path, spy: Spy) -> None:
    good = warmed(roots, cache_file, spy)
    data = cache_file.read_bytes()
    at = data.index(b'"catalog":["') + len(b'"catalog":["')
    other = b"0" if data[at:at + 1] != b"0" else b"1"
    cache_file.write_bytes(data[:at] + other + data[at + 1:])  # another write's token
    cached = load_catalog(roots, cache_file=cache_file)
    assert spy.reads == 0 and not getattr(cached, "read_in", True)
    assert cached == good and spy.reads == 5
