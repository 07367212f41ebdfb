"""The certificate as a page of positioned items, and that page drawn as a PDF.

The layout is computed once (in points, A4 landscape, origin top-left) and drawn by two
painters: reportlab for the PDF here, and Qt's QPainter for printing (gui/printing.py).
Texts are stacked by their boxes (the fonts' ascent and descent), so none overlap. Long names
shrink, then wrap; many "I can" lines get smaller type, then two columns, and only then does
the page leave lines out, saying how many.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from functools import lru_cache
from io import BytesIO
from pathlib import Path
from types import SimpleNamespace

# reportlab ships no type hints (and there is no stub package in the lock), hence the ignores.
from reportlab.lib.pagesizes import A4, landscape  # type: ignore[import-untyped]
from reportlab.pdfbase import pdfmetrics  # type: ignore[import-untyped]
from reportlab.pdfbase.ttfonts import shapeFragWord, shapeStr  # type: ignore[import-untyped]
from reportlab.pdfgen import canvas as pdf_canvas  # type: ignore[import-untyped]

from oefenplek import paths
from oefenplek.core.certificates import THEME, Certificate
from oefenplek.documents.fonts import font_for, is_rtl, register_fonts
from oefenplek.i18n import N_, _, format_date, gettext_in, ngettext_in

PAGE_WIDTH, PAGE_HEIGHT = landscape(A4)
MARGIN = 28
INNER = MARGIN + 12  # the thin inner border; every text box stays inside it
MIN_SIZE = 11  # the smallest type on the page: still readable for a learner
INK = "#1B1B1B"
SOFT = "#4A4A4A"
HEAD_ROOM = PAGE_WIDTH - 2 * MARGIN - 120  # width for the name and the title
FOOT_LEFT = MARGIN + 48  # date and place
BODY_LEFT, BODY_RIGHT = MARGIN + 30, PAGE_WIDTH - MARGIN - 30  # the "I can" lines
COLUMN_GAP = 30
FOOT = PAGE_HEIGHT - INNER - 20  # the bottom of the footer's last line
SIGN_WIDTH = 260
SIGN_LEFT = PAGE_WIDTH - MARGIN - 48 - SIGN_WIDTH
MARKS = str.maketrans("", "", "\u200e\u200f")  # direction marks steer the order, not drawn


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


@lru_cache(maxsize=4096)
def _runs(text: str, bold: bool) -> tuple[tuple[str, str, bool], ...]:
    """(words, font, right to left) runs in drawing order: no font of ours has Arabic and
    Latin letters both, so "DigiD" in an Arabic line is a run of its own."""
    groups: list[tuple[str, bool, list[str]]] = []
    for word in text.translate(MARKS).split():
        font, rtl = font_for(word, bold), is_rtl(word)
        if groups and groups[-1][:2] == (font, rtl):
            groups[-1][2].append(word)
        else:
            groups.append((font, rtl, [word]))
    if is_rtl(text):
        groups.reverse()
    return tuple((" ".join(words), font, rtl) for font, rtl, words in groups)


def _shaped(text: str, font: str, size: float) -> object:
    """Arabic and Hebrew in visual order with joined letters (harfbuzz), for reportlab."""
    words = text.split()
    if is_rtl(text):
        words.reverse()
    features = {"kern": True, "liga": True}
    frag = SimpleNamespace(fontName=font, fontSize=size)  # all the shaper reads of a fragment
    pieces = [shapeFragWord([pdfmetrics.stringWidth(w, font, size), (frag, w)],
                            features=features, force=True)[1][1] for w in words]
    result = pieces[0]
    for piece in pieces[1:]:
        result = result + shapeStr(" ", font, size, force=True) + piece
    return result


@lru_cache(maxsize=8192)
def _run_width(text: str, font: str, rtl: bool, size: float) -> float:
    """Shaped Arabic is narrower than its letters one by one: measure what is drawn."""
    if rtl:
        data = _shaped(text, font, size).__shapeData__  # type: ignore[attr-defined]  # set by reportlab's shaper
        return float(sum(glyph.x_advance for glyph in data) * size / 1000)
    return float(pdfmetrics.stringWidth(text, font, size))


def text_width(text: str, size: float, bold: bool = False) -> float:
    """The drawn width in points, the same sum `_draw_text` advances by."""
    register_fonts()
    runs = _runs(text, bold)
    gaps = sum(float(pdfmetrics.stringWidth(" ", font, size)) for _, font, _ in runs[:-1])
    return gaps + sum(_run_width(words, font, rtl, size) for words, font, rtl in runs)


def extent(text: str, size: float, bold: bool = False) -> tuple[float, float]:
    """Ascent and descent (both down-positive points) of the fonts the text is drawn in."""
    register_fonts()
    fonts = {font for _, font, _ in _runs(text, bold)} or {font_for(text, bold)}
    metrics = [pdfmetrics.getAscentDescent(font, size) for font in fonts]
    return max(float(m[0]) for m in metrics), max(-float(m[1]) for m in metrics)


def text_box(item: Text) -> tuple[float, float, float, float]:
    """Left, top, right, bottom of the space a text takes on the page."""
    width = text_width(item.text, item.size, item.bold)
    left = {"left": item.x, "center": item.x - width / 2, "right": item.x - width}[item.align]
    ascent, descent = extent(item.text, item.size, item.bold)
    return left, item.y - ascent, left + width, item.y + descent


@lru_cache(maxsize=4096)
def wrap(text: str, size: float, room: float, bold: bool = False) -> tuple[str, ...]:
    """The text in lines no wider than `room`, broken between words (inside a word only
    when that one word is too wide), so nothing is ever cut off."""
    lines: list[str] = []
    for word in text.split():
        if lines and text_width(f"{lines[-1]} {word}", size, bold) <= room:
            lines[-1] = f"{lines[-1]} {word}"
            continue
        while text_width(word, size, bold) > room and len(word) > 1:
            cut = max(n for n in range(1, len(word))
                      if n == 1 or text_width(word[:n], size, bold) <= room)
            lines.append(word[:cut])
            word = word[cut:]
        lines.append(word)
    # a line keeps its paragraph's direction, even when it starts with "DigiD"
    mark = "\u200f" if is_rtl(text) else "\u200e"
    return tuple(line if is_rtl(line) == is_rtl(text) else mark + line
                 for line in lines) or ("",)


def _fit(text: str, largest: float, smallest: float, room: float,
         bold: bool = True) -> tuple[float, tuple[str, ...]]:
    """The largest size (down to `smallest`) at which the text fits on one line in `room`;
    at the smallest size it wraps rather than shrink further or be cut."""
    size = largest
    while size > smallest and text_width(text, size, bold) > room:
        size -= 1
    return size, wrap(text, size, room, bold)


def _stacked(x: float, top: float, lines: tuple[str, ...], size: float, bold: bool = False,
             colour: str = INK, align: str = "center") -> tuple[list[Text], float]:
    """Lines placed one under the other from `top`; returns them and their bottom."""
    placed = []
    for line in lines:
        ascent, descent = extent(line, size, bold)
        placed.append(Text(x, top + ascent, line, size, bold, colour, align))
        top += ascent + descent
    return placed, top


@dataclass(frozen=True)
class _Heading:
    """How big the heading is: roomy for a short list, compact to make room for a long one."""

    top: float  # top of the first heading line
    small: float  # 'This certificate is for' and the lead line
    name: float  # the largest size for the name
    title: float  # the largest size for the title
    gap: float  # between the heading's lines
    list_sizes: tuple[tuple[int, int], ...]  # (columns, type size) to try, best first


ROOMY = _Heading(168, 18, 54, 28, 6, tuple((c, s) for c in (1, 2) for s in range(18, 12, -1)))
COMPACT = _Heading(144, 14, 34, 22, 3, tuple((1, s) for s in range(16, 12, -1))
                   + tuple((2, s) for s in range(15, MIN_SIZE - 1, -1)))


def layout(certificate: Certificate, colour: str, icon: Path | None,
           logo: Path | None = None) -> Page:
    """Where everything goes on the certificate."""
    register_fonts()
    certificate = certificate.printable()
    said = certificate.language
    page = Page(title=f"{gettext_in(said, N_('Certificate'))}: {certificate.title} — "
                      f"{certificate.learner_name}")
    page.items.extend(_frame(colour, icon, logo, said))
    footer, floor = _footer(certificate)
    lines = certificate.can_do
    heads = {heading: _heading(certificate, colour, heading) for heading in (ROOMY, COMPACT)}
    tries = [(heading, *size, len(lines)) for heading in heads for size in heading.list_sizes]
    # when even that is too many, the page says how many lines it leaves out
    tries += [(COMPACT, 2, MIN_SIZE, keep) for keep in range(len(lines) - 1, -1, -1)]
    for heading, columns, size, keep in tries:
        head, top = heads[heading]
        left_out = len(lines) - keep
        note = ngettext_in(said, "And {n} more thing I can do.", "And {n} more things I can do.",
                           left_out).format(n=left_out) if left_out else ""
        body = _list(lines[:keep], note, colour, columns, size, top + 14, floor - 14)
        if body is not None:
            break
    page.items.extend([*head, *(body or []), *footer])
    return page


def _frame(colour: str, icon: Path | None, logo: Path | None, language: str = "nl"
           ) -> list[Text | Box | Picture]:
    """The borders, the tinted band, the theme icon, the location's logo, 'Certificate'."""
    inner = PAGE_WIDTH - 2 * INNER
    items: list[Text | Box | Picture] = [
        Box(MARGIN, MARGIN, PAGE_WIDTH - 2 * MARGIN, PAGE_HEIGHT - 2 * MARGIN, stroke=colour,
            line=6, radius=18),
        Box(INNER, INNER, inner, PAGE_HEIGHT - 2 * INNER, stroke=colour, line=1.2, radius=12),
        Box(INNER, INNER, inner, 96, fill=_tint(colour), radius=12)]
    if icon is not None:
        items.append(Picture(icon, MARGIN + 36, MARGIN + 24, 72, 72))
    if logo is not None:
        items.append(Picture(logo, PAGE_WIDTH - MARGIN - 108, MARGIN + 24, 72, 72))
    word = gettext_in(language, N_("Certificate"))
    size = _fit(word, 40, 24, inner - 2 * 96)[0]
    items.append(Text(PAGE_WIDTH / 2, MARGIN + 78, word, size, True, colour))
    return items


def _heading(certificate: Certificate, colour: str,
             style: _Heading) -> tuple[list[Text], float]:
    """'This certificate is for', the name, what was done and its title; returns the bottom."""
    centre = PAGE_WIDTH / 2
    said = certificate.language
    lead = gettext_in(said, N_("finished all lessons of the theme") if certificate.kind == THEME
                      else N_("finished the lesson"))
    name_size, name = _fit(certificate.learner_name, style.name, 18, HEAD_ROOM)
    title_size, title = _fit(certificate.title, style.title, 14, HEAD_ROOM)
    parts = [(wrap(gettext_in(said, N_("This certificate is for")), style.small, HEAD_ROOM),
              style.small, False,
              SOFT, 0.0), (name, name_size, True, INK, style.gap),
             (wrap(lead, style.small, HEAD_ROOM), style.small, False, SOFT, 2 * style.gap),
             (title, title_size, True, colour, style.gap)]
    items: list[Text] = []
    y = style.top
    for lines, size, bold, ink, gap in parts:
        placed, y = _stacked(centre, y + gap, lines, size, bold, ink)
        items.extend(placed)
    return items, y


def _footer(certificate: Certificate) -> tuple[list[Text | Box], float]:
    """Date and place at the left, the signature line at the right; returns the top."""
    place_size, place = _fit(certificate.location, 16, MIN_SIZE, SIGN_LEFT - FOOT_LEFT - 24)
    date = format_date(certificate.issued_on, language=certificate.language)
    height = sum(extent(date, 16)) + sum(sum(extent(line, place_size, True)) for line in place)
    dated, end = _stacked(FOOT_LEFT, FOOT - height, (date,), 16, align="left")
    placed, end = _stacked(FOOT_LEFT, end, place, place_size, True, align="left")
    signature = gettext_in(certificate.language, N_("Signature"))
    signer_size, signer = _fit(certificate.signer or signature, 14, MIN_SIZE, SIGN_WIDTH,
                               bold=False)
    line_y = FOOT - 38
    signed, _end = _stacked(SIGN_LEFT + SIGN_WIDTH / 2, line_y + 4, signer, signer_size,
                            colour=SOFT)
    sign = Box(SIGN_LEFT, line_y, SIGN_WIDTH, 0, stroke=INK)
    return [*dated, *placed, sign, *signed], min(line_y, FOOT - height)


def _list(lines: tuple[str, ...], note: str, colour: str, columns: int, size: int,
          top: float, bottom: float) -> list[Text | Tick] | None:
    """The lines, ticked (and the note), in `columns` columns at `size` points between `top`
    and `bottom`; None when they do not fit, so the caller tries the next way."""
    entries = [*lines, note] if note else list(lines)
    if not entries:
        return []
    columns = max(1, min(columns, len(entries)))
    indent = size * 1.6
    room = (BODY_RIGHT - BODY_LEFT - (columns - 1) * COLUMN_GAP) / columns - indent
    rows = [wrap(entry, size, room) for entry in entries]
    heights = [sum(sum(extent(row, size)) for row in entry) + size * 0.35 for entry in rows]
    groups = _balanced(heights, columns)
    tallest = max(sum(heights[i] for i in group) for group in groups) - size * 0.35
    if tallest > bottom - top:
        return None
    width = indent + max(text_width(row, size) for entry in rows for row in entry)
    rtl = sum(map(is_rtl, entries)) * 2 > len(entries)
    left = (BODY_LEFT + BODY_RIGHT - columns * width - (columns - 1) * COLUMN_GAP) / 2
    items: list[Text | Tick] = []
    for number, group in enumerate(groups):
        column = left + (columns - 1 - number if rtl else number) * (width + COLUMN_GAP)
        x, tick = (column + width - indent, column + width - size * 0.9) if rtl else (
            column + indent, column)
        y = top + min((bottom - top - tallest) / 2, 3 * size)
        for index in group:
            ink = SOFT if note and index == len(entries) - 1 else INK
            placed, end = _stacked(x, y, rows[index], size, colour=ink,
                                   align="right" if rtl else "left")
            if ink == INK:
                items.append(Tick(tick, placed[0].y - size * 0.75, size * 0.9, colour))
            items.extend(placed)
            y = end + size * 0.35
    return items


def _balanced(heights: list[float], columns: int) -> list[range]:
    """The entries in reading order over the columns, the taller column as short as can be."""
    if columns == 1:
        return [range(len(heights))]
    split = min(range(1, len(heights)),
                key=lambda k: (max(sum(heights[:k]), sum(heights[k:])), -k))
    return [range(split), range(split, len(heights))]


def _tint(colour: str, amount: float = 0.86) -> str:
    """The theme colour mixed with white, for the band behind 'Certificate'."""
    red, green, blue = (int(colour[i:i + 2], 16) for i in (1, 3, 5))
    mix = [round(c + (255 - c) * amount) for c in (red, green, blue)]
    return "#" + "".join(f"{c:02x}" for c in mix)


def render_pdf(page: Page | list[Page], target: Path | BytesIO) -> None:
    """One page, or a batch (a group's certificates), as one PDF; every font embedded, and
    the canvas starts on our own font, never on Helvetica."""
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
    """Run by run, each in the font that has its letters, advancing as `text_width` counts."""
    pdf.setFillColor(item.colour)
    x = text_box(item)[0]
    for words, font, rtl in _runs(item.text, item.bold):
        pdf.setFont(font, item.size)
        pdf.drawString(x, height - item.y, _shaped(words, font, item.size) if rtl else words)
        x += _run_width(words, font, rtl, item.size) + pdf.stringWidth(" ", font, item.size)


def _draw_picture(pdf: pdf_canvas.Canvas, item: Picture, height: float) -> None:
    """A theme icon (SVG) or the location's logo (PNG, JPEG) inside its box."""
    if item.path.suffix.lower() == ".svg":
        from reportlab.graphics import renderPDF  # type: ignore[import-untyped]  # no hints
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
