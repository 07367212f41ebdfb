"""Everything about one learner as a readable PDF (AVG: the right of access)."""

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

from oefenplek.documents.fonts import register_fonts
from oefenplek.i18n import _

BODY = ParagraphStyle("body", fontName="Sans", fontSize=10, leading=14)
HEADING = ParagraphStyle("heading", fontName="Sans-Bold", fontSize=14, leading=20,
                         spaceBefore=10, spaceAfter=4)
TITLE = ParagraphStyle("title", fontName="Sans-Bold", fontSize=20, leading=26, spaceAfter=8)


def _table(header: list[str], rows: list[list[Any]]) -> Table:
    data = [[Paragraph(escape(str(cell)), BODY) for cell in header]]
    data += [[Paragraph(escape("" if cell is None else str(cell)), BODY) for cell in row]
             for row in rows]
    table = Table(data, repeatRows=1)
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
    doc = SimpleDocTemplate(str(target), pagesize=A4, leftMargin=2 * cm, rightMargin=2 * cm,
                            topMargin=2 * cm, bottomMargin=2 * cm,
                            title=_("Everything about {name}").format(name=learner["name"]),
                            author=location, initialFontName="Sans")
    story: list[Any] = [
        Paragraph(escape(_("Everything {location} keeps about {name}").format(
            location=location, name=learner["name"] or _("(anonymised)"))), TITLE),
        Paragraph(escape(_("Made for a request to see your own data (AVG).")), BODY),
        Paragraph(escape(_("Learner")), HEADING),
        _table([_("What"), _("Value")], [
            [_("Name"), learner["name"]], [_("Picture"), learner["picture"]],
            [_("Language"), learner["language"]], [_("Added"), learner["created_at"]],
            [_("Archived"), learner["archived_at"] or "-"],
            [_("Settings"), ", ".join(f"{k}: {v}" for k, v in learner["preferences"].items())],
        ]),
        Paragraph(escape(_("Visits")), HEADING),
        _table([_("Came"), _("Left"), _("Note")],
               [[v["started_at"], v["ended_at"], v["note"]] for v in data["visits"]]),
        Paragraph(escape(_("Lessons")), HEADING),
        _table([_("Lesson"), _("Version"), _("Started"), _("Step"), _("Finished")],
               [[r["lesson_id"], r["lesson_version"], r["started_at"], r["step"],
                 r["finished_at"] or "-"] for r in data["lesson_runs"]]),
        Paragraph(escape(_("Answers")), HEADING),
        _table([_("Step"), _("Kind"), _("Outcome"), _("Answer"), _("When")],
               [[a["step"], a["kind"], a["outcome"], a["answer"], a["at"]]
                for a in data["answers"]]),
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
