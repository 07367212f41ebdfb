"""Everything about one learner as a readable PDF (AVG: the right of access).

Every stored text is cleaned as it is written (core.text), so no value in the database (a
NUL, a direction override, a megabyte) can stop the PDF being made.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any
from xml.sax.saxutils import escape

# reportlab ships no type hints and types-reportlab is not a dev dependency: import-untyped.
from reportlab.lib.pagesizes import A4  # type: ignore[import-untyped]
from reportlab.lib.styles import ParagraphStyle  # type: ignore[import-untyped]
from reportlab.lib.units import cm  # type: ignore[import-untyped]
from reportlab.platypus import (  # type: ignore[import-untyped]
    Paragraph,
    SimpleDocTemplate,
    Spacer,
    Table,
    TableStyle,
)

from oefenplek.core.text import NOTE_LENGTH, export_value
from oefenplek.documents.fonts import register_fonts
from oefenplek.i18n import _

BODY = ParagraphStyle("body", fontName="Sans", fontSize=10, leading=14)
HEADING = ParagraphStyle("heading", fontName="Sans-Bold", fontSize=14, leading=20,
                         spaceBefore=10, spaceAfter=4)
TITLE = ParagraphStyle("title", fontName="Sans-Bold", fontSize=20, leading=26, spaceAfter=8)
TEXT_WIDTH = A4[0] - 4 * cm


def _text(value: object) -> str:
    """A stored value as the PDF shows it, cleaned and escaped for reportlab's markup."""
    return escape(str(export_value("" if value is None else str(value), NOTE_LENGTH)))


def _table(header: list[str], rows: list[list[Any]],
           weights: tuple[int, ...] | None = None) -> Table:
    """Columns of fixed widths (in proportion to `weights`), so a long word wraps in its
    own column and a long note goes on over a page."""
    data = [[Paragraph(_text(cell), BODY) for cell in header]]
    data += [[Paragraph(_text(cell), BODY) for cell in row] for row in rows]
    shares = weights or (1,) * len(header)
    table = Table(data, colWidths=[TEXT_WIDTH * share / sum(shares) for share in shares],
                  repeatRows=1, splitInRow=1)
    table.setStyle(TableStyle([
        ("FONTNAME", (0, 0), (-1, 0), "Sans-Bold"),
        ("BACKGROUND", (0, 0), (-1, 0), "#E8EFFA"),
        ("GRID", (0, 0), (-1, -1), 0.4, "#9A9A9A"),
        ("VALIGN", (0, 0), (-1, -1), "TOP"),
    ]))
    return table


def render_learner_pdf(data: dict[str, Any], location: str, target: Path) -> None:
    register_fonts()
    learner = data["learner"]
    name = str(export_value(learner["name"] or "", 200))
    location = str(export_value(location, 200))
    doc = SimpleDocTemplate(str(target), pagesize=A4, leftMargin=2 * cm, rightMargin=2 * cm,
                            topMargin=2 * cm, bottomMargin=2 * cm,
                            title=_("Everything about {name}").format(name=name),
                            author=location, initialFontName="Sans")
    story: list[Any] = [
        Paragraph(_text(_("Everything {location} keeps about {name}").format(
            location=location, name=name or _("(anonymised)"))), TITLE),
        Paragraph(escape(_("Made for a request to see your own data (AVG).")), BODY),
        Paragraph(escape(_("Learner")), HEADING),
        _table([_("What"), _("Value")], [
            [_("Name"), learner["name"]], [_("Picture"), learner["picture"]],
            [_("Language"), learner["language"]], [_("Added"), learner["created_at"]],
            [_("Archived"), learner["archived_at"] or "-"],
            [_("Settings"), ", ".join(f"{k}: {v}" for k, v in learner["preferences"].items())],
        ], (1, 3)),
        Paragraph(escape(_("Visits")), HEADING),
        _table([_("Came"), _("Left"), _("Note")],
               [[v["started_at"], v["ended_at"], v["note"]] for v in data["visits"]], (1, 1, 2)),
        Paragraph(escape(_("Lessons")), HEADING),
        _table([_("Lesson"), _("Version"), _("Started"), _("Step"), _("Finished")],
               [[r["lesson_id"], r["lesson_version"], r["started_at"], r["step"],
                 r["finished_at"] or "-"] for r in data["lesson_runs"]]),
        Paragraph(escape(_("Answers")), HEADING),
        _table([_("Step"), _("Kind"), _("Outcome"), _("Answer"), _("When")],
               [[a["step"], a["kind"], a["outcome"], a["answer"], a["at"]]
                for a in data["answers"]], (1, 1, 1, 3, 2)),
        Paragraph(escape(_("Help asked")), HEADING),
        _table([_("Lesson"), _("Step"), _("Asked"), _("Handled")],
               [[h["lesson_id"], h["step"], h["asked_at"], h["handled_at"] or "-"]
                for h in data["help_requests"]]),
        Paragraph(escape(_("Certificates")), HEADING),
        _table([_("Title"), _("Date"), _("Name on it"), _("Signed by")],
               [[c["title"], c["issued_on"], c["name_on_it"], c["signed_by"]]
                for c in data["certificates"]]),
        Spacer(1, 12),
    ]
    doc.build(story)
