"""`oefenplek --self-test`: does this installation work? One line per check, in plain words.

Run it after installing or copying the app (from source or from the bundle). It loads every
lesson, makes a throw-away database, draws the simulated screens, makes a certificate PDF,
checks the Dutch texts and lets the built-in voice say a sentence. The exit code is 0 only when
every check passed; a computer without a sound output gets a note, never a failure.
"""

from __future__ import annotations

import os
import sys
import tempfile
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, TextIO

from oefenplek import paths
from oefenplek.i18n import N_, _, format_number, ngettext

OK, PROBLEM, NOTE = N_("OK"), N_("PROBLEM"), N_("NOTE")
#: An interface text and its Dutch translation, to see that the translations load.
PROBE_TEXT, PROBE_DUTCH = "Next", "Verder"
#: A sentence the built-in voice must be able to say.
SPEECH_PROBE = "Tik op de groene knop en kies wifi."
#: Where the results go when the program has no console (a windowed program on Windows).
REPORT_FILE = "self-test.txt"

_app: Any = None  # the QGuiApplication, kept alive for the Qt checks


@dataclass
class Result:
    status: str  # OK, PROBLEM or NOTE (untranslated)
    detail: str
    more: list[str] = field(default_factory=list)  # further lines, such as each problem


def check_lessons() -> Result:
    from oefenplek.app import load_lessons

    catalog = load_lessons()
    count = len(catalog.lessons)
    fine = ngettext("{n} lesson is fine", "{n} lessons are fine", count).format(n=count)
    errors = catalog.errors
    if errors:
        return Result(PROBLEM, fine + "; " + ngettext(
            "{n} error", "{n} errors", len(errors)).format(n=len(errors)),
            [str(problem) for problem in errors])
    if not count:
        return Result(PROBLEM, _("no lessons found in {folder}").format(
            folder=paths.lessons_dir()))
    extra = []
    for folder in paths.extra_lesson_dirs():
        own = sum(1 for lesson in catalog.lessons.values()
                  if lesson.folder.resolve().is_relative_to(folder.resolve()))
        extra.append(_("{n} from {folder}").format(n=own, folder=folder))
    return Result(OK, fine + (f" ({'; '.join(extra)})" if extra else ""))


def check_database() -> Result:
    from oefenplek.core.engine import Outcome
    from oefenplek.storage.db import Database, current_revision
    from oefenplek.storage.errors import StorageError
    from oefenplek.storage.repository import Repository

    with tempfile.TemporaryDirectory(prefix="oefenplek-self-test-",
                                     ignore_cleanup_errors=True) as folder:
        try:
            database = Database(f"sqlite:///{Path(folder) / 'self-test.sqlite3'}")
        except StorageError as error:
            return Result(PROBLEM, str(error))
        try:
            revision = current_revision(database.engine)
            repository = Repository(database)
            learner = repository.add_learner("Zoë", "cat")
            run = repository.start_run(learner.id, "self-test", 1)
            repository.record_attempt(run.id, 0, "type", Outcome.CORRECT, answer="Wifi-123")
            attempts = repository.attempts(run.id)
        except StorageError as error:
            return Result(PROBLEM, str(error))
        finally:
            database.close()
    if attempts != [(0, Outcome.CORRECT.value, "Wifi-123")]:
        return Result(PROBLEM, _("an answer was saved but read back wrong: {found}").format(
            found=attempts))
    return Result(OK, _(
        "a new database was made (version {revision}); an answer was saved and read back"
    ).format(revision=revision))


def check_postgres_driver() -> Result:
    """A location's shared database needs the PostgreSQL driver and its libpq; the engine
    is made as the app makes it, without connecting to anything."""
    from sqlalchemy import create_engine

    try:
        engine = create_engine("postgresql+psycopg://self-test@127.0.0.1/self-test")
        from psycopg import __version__, pq

        libpq = pq.version()
    except ImportError as error:
        return Result(PROBLEM, _("the PostgreSQL driver is missing ({error})").format(
            error=error))
    engine.dispose()
    return Result(OK, _("the PostgreSQL driver loads (psycopg {version}, libpq {libpq})").format(
        version=__version__, libpq=f"{libpq // 10000}.{libpq % 100}"))


def qt_application() -> Any:
    """The running QGuiApplication, or a new one; offscreen when there is no display."""
    global _app
    from PySide6.QtGui import QGuiApplication

    existing = QGuiApplication.instance()
    if existing is not None:
        return existing
    has_display = os.environ.get("DISPLAY") or os.environ.get("WAYLAND_DISPLAY")
    if sys.platform.startswith("linux") and not has_display:
        os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    _app = QGuiApplication([sys.argv[0] if sys.argv else "oefenplek"])
    return _app


def check_screens() -> Result:
    from PySide6.QtCore import Qt
    from PySide6.QtGui import QImage, QImageReader, QPainter
    from PySide6.QtSvg import QSvgRenderer

    app = qt_application()
    folder = paths.lessons_dir() / "_screens"
    screens = sorted(folder.glob("*.svg"))
    if not screens:
        return Result(PROBLEM, _("no simulated screens found in {folder}").format(folder=folder))
    blank = QImage(340, 220, QImage.Format.Format_ARGB32_Premultiplied)
    blank.fill(Qt.GlobalColor.transparent)
    failed = []
    for screen in screens:
        renderer = QSvgRenderer(str(screen))
        image = blank.copy()
        if renderer.isValid():
            painter = QPainter(image)
            renderer.render(painter)
            painter.end()
        if not renderer.isValid() or image == blank:
            failed.append(screen.name)
    formats = {bytes(name.data()).decode() for name in QImageReader.supportedImageFormats()}
    missing = [name for name in ("svg", "jpeg", "png") if name not in formats]
    if failed or missing:
        return Result(PROBLEM, _("these could not be drawn: {names}").format(
            names=", ".join(failed + missing)))
    return Result(OK, ngettext("{n} screen drawn ({platform})", "{n} screens drawn ({platform})",
                               len(screens)).format(n=len(screens), platform=app.platformName()))


def check_documents() -> Result:
    """A certificate as PDF: reportlab, the fonts, Arabic shaping, an SVG icon, a PNG logo."""
    from datetime import date
    from io import BytesIO

    from PIL import Image

    from oefenplek.core.certificates import LESSON, Certificate
    from oefenplek.documents.certificate import layout, render_pdf

    icon = next(iter(sorted(paths.asset("themes").glob("*.svg"))), None)
    certificate = Certificate("Zoë محمد", LESSON, "self-test", "Wifi", ("Ik kan wifi aanzetten.",),
                              date(2026, 11, 22), "Bibliotheek", "internet")
    pdf = BytesIO()
    with tempfile.TemporaryDirectory(prefix="oefenplek-self-test-",
                                     ignore_cleanup_errors=True) as folder:
        logo = Path(folder) / "logo.png"
        Image.new("RGB", (32, 32), "#0a7d5a").save(logo)
        render_pdf(layout(certificate, "#0a7d5a", icon, logo), pdf)
    data = pdf.getvalue()
    if not data.startswith(b"%PDF") or len(data) < 1000:
        return Result(PROBLEM, _("the certificate is not a PDF"))
    return Result(OK, _("a certificate was made as a PDF ({size} kB)").format(
        size=len(data) // 1024))


def check_translations() -> Result:
    from datetime import date

    from oefenplek import i18n

    folder = paths.locales_dir() / "nl" / "LC_MESSAGES"
    source = folder / f"{i18n.DOMAIN}.mo"
    if not source.is_file():
        source = folder / f"{i18n.DOMAIN}.po"
    found = i18n._(PROBE_TEXT)
    if i18n.current_language() != "nl" or found != PROBE_DUTCH:
        return Result(PROBLEM, _("the Dutch texts are missing ('{found}' instead of '{wanted}')"
                                 ).format(found=found, wanted=PROBE_DUTCH))
    day = i18n.format_date(date(2026, 11, 22))  # babel's Dutch data
    if day != "22 november 2026":
        return Result(PROBLEM, _("dates are not written in Dutch ('{found}')").format(found=day))
    return Result(OK, _("the Dutch texts are there ({file}, {date})").format(
        file=source.name, date=day))


def check_speech() -> Result:
    """The built-in voice must make sound (else read-aloud is broken); which voice the app
    uses; a computer without a sound output gets a note, never a failure."""
    from oefenplek.speech import builtin, espeak

    try:
        speech = builtin.say(SPEECH_PROBE, "nl")
    except espeak.SpeechError as error:
        return Result(PROBLEM, _("the built-in voice does not work: {error}").format(
            error=error))
    if not speech.samples or not speech.words:
        return Result(PROBLEM, _("the built-in voice made no sound"))
    qt_application()
    from oefenplek.gui.speech import Speaker, builtin_label

    speaker = Speaker()
    try:
        made = _("a test sentence of {seconds} s was made").format(
            seconds=format_number(round(speech.seconds, 1)))
        if not speaker.has_sound:
            return Result(NOTE, _("built-in voice, no sound output found"),
                          [f"{speaker.voice_label}: {made} ({speaker.sound_problem})"])
        also = [] if speaker.uses_builtin else [
            _("the {voice} works too").format(voice=builtin_label())]
        return Result(OK, ", ".join([speaker.voice_label, made, *also]))
    finally:
        speaker.deleteLater()


CHECKS: list[tuple[str, Callable[[], Result]]] = [
    (N_("lessons"), check_lessons),
    (N_("database"), check_database),
    (N_("location database"), check_postgres_driver),
    (N_("screens"), check_screens),
    (N_("documents"), check_documents),
    (N_("translations"), check_translations),
    (N_("read-aloud"), check_speech),
]


def run(out: TextIO | None = None) -> int:
    """Run every check, print one line each; 0 when none failed."""
    from oefenplek import __version__

    report = None
    if out is None and sys.stdout is None:  # a windowed program: write the report to a file
        report = (paths.data_dir() / REPORT_FILE).open("w", encoding="utf-8")
    stream = out or report or sys.stdout
    width = max(len(_(status)) for status in (OK, PROBLEM, NOTE))

    def say(line: str) -> None:
        print(line, file=stream, flush=True)

    say(_("oefenplek {version}: program in {program}, data in {data}").format(
        version=__version__, program=paths.install_root(), data=paths.data_dir()))
    failed = 0
    for name, check in CHECKS:
        try:
            result = check()
        except Exception as error:  # a check that breaks is a failed check, not a crash
            result = Result(PROBLEM, f"{type(error).__name__}: {error}")
        failed += result.status == PROBLEM
        say(f"{_(result.status):<{width}} {_(name)}: {result.detail}")
        for line in result.more:
            say(f"{'':<{width}}   {line}")
    say(_("Everything works.") if not failed else ngettext(
        "{n} check failed.", "{n} checks failed.", failed).format(n=failed))
    if report is not None:
        report.close()
    return 1 if failed else 0
