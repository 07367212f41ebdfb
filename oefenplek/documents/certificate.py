"""The certificate as a page of positioned items, and that page drawn as a PDF.

The layout is computed once (in points, A4 landscape, origin top-left) and drawn by two
painters: reportlab for the PDF here, and Qt's QPainter for printing (gui/printing.py).
Long names shrink to fit rather than being cut; right-to-left names are shaped.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from io import BytesIO
from pathlib import Path

from reportlab.lib.pagesizes import A4, landscape
from reportlab.pdfbase import pdfmetrics
from reportlab.pdfbase.ttfonts import shapeFragWord, shapeStr
from reportlab.pdfgen import canvas as pdf_canvas

from oefenplek import paths
from oefenplek.core.certificates import THEME, Certificate
from oefenplek.documents.fonts import font_for, is_rtl, register_fonts
from oefenplek.i18n import _, format_date

PAGE_WIDTH, PAGE_HEIGHT = landscape(A4)
MARGIN = 28
INK = "#1B1B1B"
SOFT = "#4A4A4A"


@dataclass(frozen=True)
class Text:
    x: float  # the anchor: left edge, centre or right edge, as `align` says
    y: float  # baseline, from the top of the page
    text: str
    size: float
    bold: bool = False
    colour: str = INK
    align: str = "center"

    @property
    def font(self) -> str:
        return font_for(self.text, self.bold)

    @property
    def rtl(self) -> bool:
        return is_rtl(self.text)


@dataclass(frozen=True)
class Box:
    x: float
    y: float
    width: float
    height: float
    stroke: str | None = None
    fill: str | None = None
    line: float = 1.0
    radius: float = 0.0


@dataclass(frozen=True)
class Tick:
    """A check mark before an 'Ik kan ...' line."""

    x: float
    y: float
    size: float
    colour: str


@dataclass(frozen=True)
class Picture:
    path: Path
    x: float
    y: float
    width: float
    height: float


@dataclass
class Page:
    width: float = PAGE_WIDTH
    height: float = PAGE_HEIGHT
    items: list[Text | Box | Tick | Picture] = field(default_factory=list)
    title: str = ""


def _shaped(text: str, font: str, size: float) -> object:
    """Arabic and Hebrew in visual order with joined letters (harfbuzz), for reportlab."""
    words = text.split()
    if is_rtl(text):
        words.reverse()
    features = {"kern": True, "liga": True}
    pieces = [shapeFragWord([pdfmetrics.stringWidth(w, font, size),
                             (_Bag(font, size), w)], features=features, force=True)[1][1]
              for w in words]
    result = pieces[0]
    for piece in pieces[1:]:
        result = result + shapeStr(" ", font, size, force=True) + piece
    return result


class _Bag:
    def __init__(self, font: str, size: float) -> None:
        self.fontName, self.fontSize = font, size


def text_width(text: str, size: float, bold: bool = False) -> float:
    register_fonts()
    font = font_for(text, bold)
    if is_rtl(text):
        shaped = _shaped(text, font, size)
        data = shaped.__shapeData__  # type: ignore[attr-defined]
        return sum(glyph.x_advance for glyph in data) * size / 1000
    return float(pdfmetrics.stringWidth(text, font, size))


def fit_size(text: str, largest: float, smallest: float, room: float, bold: bool = True) -> float:
    """The largest size (down to `smallest`) at which the text fits in `room` points."""
    size = largest
    while size > smallest and text_width(text, size, bold) > room:
        size -= 1
    return size


def layout(certificate: Certificate, colour: str, icon: Path | None,
           logo: Path | None = None) -> Page:
    """Where everything goes on the certificate."""
    register_fonts()
    page = Page(title=f"{_('Certificate')}: {certificate.title} — {certificate.learner_name}")
    add = page.items.append
    centre, room = PAGE_WIDTH / 2, PAGE_WIDTH - 2 * MARGIN - 120
    add(Box(MARGIN, MARGIN, PAGE_WIDTH - 2 * MARGIN, PAGE_HEIGHT - 2 * MARGIN,
            stroke=colour, line=6, radius=18))
    add(Box(MARGIN + 12, MARGIN + 12, PAGE_WIDTH - 2 * MARGIN - 24, PAGE_HEIGHT - 2 * MARGIN - 24,
            stroke=colour, line=1.2, radius=12))
    add(Box(MARGIN + 12, MARGIN + 12, PAGE_WIDTH - 2 * MARGIN - 24, 96, fill=_tint(colour),
            radius=12))
    if icon is not None:
        add(Picture(icon, MARGIN + 36, MARGIN + 24, 72, 72))
    if logo is not None:
        add(Picture(logo, PAGE_WIDTH - MARGIN - 108, MARGIN + 24, 72, 72))
    add(Text(centre, MARGIN + 78, _("Certificate"), 40, bold=True, colour=colour))
    add(Text(centre, 188, _("This certificate is for"), 18, colour=SOFT))
    name_size = fit_size(certificate.learner_name, 54, 18, room)
    add(Text(centre, 188 + 14 + name_size, certificate.learner_name, name_size, bold=True))
    y = 188 + 14 + name_size + 42
    lead = (_("finished all lessons of the theme") if certificate.kind == THEME
            else _("finished the lesson"))
    add(Text(centre, y, lead, 18, colour=SOFT))
    title_size = fit_size(certificate.title, 28, 14, room)
    y += 14 + title_size
    add(Text(centre, y, certificate.title, title_size, bold=True, colour=colour))
    lines = certificate.can_do
    line_size = 18 if len(lines) <= 4 else 15
    step = line_size * 1.65
    widest = max((text_width(line, line_size) for line in lines), default=0)
    left = max(MARGIN + 60, centre - widest / 2)
    y += 28
    for line in lines:
        y += step
        add(Tick(left - 30, y - line_size * 0.75, line_size * 0.9, colour))
        add(Text(left, y, line, line_size, align="left"))
    bottom = PAGE_HEIGHT - MARGIN - 40
    add(Text(MARGIN + 48, bottom - 22, format_date(certificate.issued_on), 16, align="left"))
    add(Text(MARGIN + 48, bottom, certificate.location, 16, bold=True, align="left"))
    line_x = PAGE_WIDTH - MARGIN - 48 - 260
    add(Box(line_x, bottom - 30, 260, 0, stroke=INK, line=1))
    signer = certificate.signer or _("Signature")
    add(Text(line_x + 130, bottom - 8, signer, 14, colour=SOFT))
    return page


def _tint(colour: str, amount: float = 0.86) -> str:
    red, green, blue = (int(colour[i:i + 2], 16) for i in (1, 3, 5))
    mix = [round(c + (255 - c) * amount) for c in (red, green, blue)]
    return "#" + "".join(f"{c:02x}" for c in mix)


def render_pdf(page: Page | list[Page], target: Path | BytesIO) -> None:
    """Draw one page, or a batch of pages (a group's certificates), into one PDF.

    Every font is embedded; the canvas starts on our own font, never on Helvetica.
    """
    register_fonts()
    pages = page if isinstance(page, list) else [page]
    first = pages[0]
    pdf = pdf_canvas.Canvas(target if isinstance(target, BytesIO) else str(target),
                            pagesize=(first.width, first.height), pageCompression=1,
                            initialFontName="Sans")
    pdf.setTitle(first.title if len(pages) == 1 else _("Certificates"))
    pdf.setAuthor("oefenplek")
    pdf.setCreator("oefenplek")
    for one in pages:
        draw_page(pdf, one)
        pdf.showPage()
    pdf.save()


def draw_page(pdf: pdf_canvas.Canvas, page: Page) -> None:
    """One page's items onto a reportlab canvas (a batch draws many pages on one canvas)."""
    height = page.height
    for item in page.items:
        if isinstance(item, Box):
            pdf.setLineWidth(item.line)
            if item.stroke:
                pdf.setStrokeColor(item.stroke)
            if item.fill:
                pdf.setFillColor(item.fill)
            y = height - item.y - item.height
            if item.height == 0:
                pdf.line(item.x, y, item.x + item.width, y)
            else:
                pdf.roundRect(item.x, y, item.width, item.height, item.radius,
                              stroke=1 if item.stroke else 0, fill=1 if item.fill else 0)
        elif isinstance(item, Tick):
            pdf.setStrokeColor(item.colour)
            pdf.setLineWidth(item.size / 6)
            pdf.setLineCap(1)
            pdf.setLineJoin(1)
            path = pdf.beginPath()
            s, x, y = item.size, item.x, height - item.y - item.size
            path.moveTo(x, y + s * 0.5)
            path.lineTo(x + s * 0.38, y + s * 0.15)
            path.lineTo(x + s, y + s * 0.9)
            pdf.drawPath(path, stroke=1, fill=0)
        elif isinstance(item, Picture):
            _draw_picture(pdf, item, height)
        elif isinstance(item, Text):
            _draw_text(pdf, item, height)


def _draw_text(pdf: pdf_canvas.Canvas, item: Text, height: float) -> None:
    font = item.font
    pdf.setFont(font, item.size)
    pdf.setFillColor(item.colour)
    text: object = _shaped(item.text, font, item.size) if item.rtl else item.text
    width = text_width(item.text, item.size, item.bold)
    x = {"left": item.x, "center": item.x - width / 2, "right": item.x - width}[item.align]
    pdf.drawString(x, height - item.y, text)


def _draw_picture(pdf: pdf_canvas.Canvas, item: Picture, height: float) -> None:
    if item.path.suffix.lower() == ".svg":
        from reportlab.graphics import renderPDF
        from svglib.svglib import svg2rlg

        drawing = svg2rlg(str(item.path))
        if drawing is None:
            return
        scale = min(item.width / drawing.width, item.height / drawing.height)
        drawing.scale(scale, scale)
        renderPDF.draw(drawing, pdf, item.x, height - item.y - drawing.height * scale)
    else:
        pdf.drawImage(str(item.path), item.x, height - item.y - item.height, item.width,
                      item.height, preserveAspectRatio=True, anchor="c", mask="auto")


def theme_icon(theme_id: str) -> Path | None:
    path = paths.asset("themes", f"{theme_id}.svg")
    return path if path.is_file() else None
