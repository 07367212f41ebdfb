"""How long one certificate takes, against a bare reportlab page with one embedded font.

    uv run python benchmarks/certificate.py
"""

from __future__ import annotations

import statistics
import time
from datetime import date
from io import BytesIO

from reportlab.pdfbase import pdfmetrics
from reportlab.pdfbase.ttfonts import TTFont
from reportlab.pdfgen import canvas

from oefenplek import paths
from oefenplek.core.certificates import Certificate
from oefenplek.documents.certificate import layout, render_pdf, theme_icon


def bare_page() -> None:
    pdf = canvas.Canvas(BytesIO(), initialFontName="BareSans")
    pdf.setFont("BareSans", 40)
    pdf.drawString(100, 500, "Fatima")
    pdf.showPage()
    pdf.save()


def certificate(name: str) -> None:
    cert = Certificate(name, "lesson", "wifi-android", "Wifi op een Android-tablet",
                       ("Ik kan wifi aanzetten.", "Ik kan verbinding maken met wifi."),
                       date(2026, 11, 22), "Bibliotheek Lindenhof", "internet", "Anja")
    render_pdf(layout(cert, "#0a7d5a", theme_icon("internet")), BytesIO())


def timed(work, runs: int = 15) -> float:  # type: ignore[no-untyped-def]
    work()  # warm-up: font loading happens once per process
    samples = []
    for _ in range(runs):
        start = time.perf_counter()
        work()
        samples.append(time.perf_counter() - start)
    return statistics.median(samples)


def main() -> None:
    # Fonts are registered once per process, for both: the comparison is of drawing pages.
    pdfmetrics.registerFont(TTFont("BareSans", str(paths.asset("fonts", "NotoSans-Regular.ttf"))))
    bare = timed(bare_page)
    plain = timed(lambda: certificate("Fatima"))
    arabic = timed(lambda: certificate("محمد عبد الله"))
    print(f"bare reportlab page, one embedded font: {bare * 1000:7.1f} ms")
    print(f"certificate, Latin name:                {plain * 1000:7.1f} ms  "
          f"({plain / bare:.1f}x)")
    print(f"certificate, Arabic name (shaped):      {arabic * 1000:7.1f} ms  "
          f"({arabic / bare:.1f}x)")


if __name__ == "__main__":
    main()
