"""The app's letters are the shipped Noto Sans, on the screens and in the simulated SVG
screens, also on a computer that has no Noto Sans of its own."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

from PySide6.QtGui import QFontInfo
from PySide6.QtWidgets import QApplication

from oefenplek import paths
from oefenplek.gui.fonts import load_shipped_fonts

from ..conftest import REPO

#: Run in a fresh Python whose fontconfig knows DejaVu only: no Noto Sans on the system.
WITHOUT_NOTO = r"""
import sys
from PySide6.QtCore import QByteArray, QRectF, Qt
from PySide6.QtGui import QFont, QFontInfo, QImage, QPainter
from PySide6.QtSvg import QSvgRenderer
from PySide6.QtWidgets import QApplication

app = QApplication([])

def drawn(family):
    from oefenplek.gui.fonts import fit_svg_fonts
    svg = ('<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 400 60">'
           f'<text x="4" y="44" font-size="36" font-family="{family}">Wifi aanzetten</text>'
           '</svg>').encode()
    fit_svg_fonts(svg)  # as the app's screens do before they draw an SVG
    image = QImage(400, 60, QImage.Format.Format_ARGB32)
    image.fill(Qt.GlobalColor.white)
    painter = QPainter(image)
    QSvgRenderer(QByteArray(svg)).render(painter, QRectF(0, 0, 400, 60))
    painter.end()
    return image

assert QFontInfo(QFont("Noto Sans")).family() != "Noto Sans", "this system has Noto Sans"
from oefenplek.gui.fonts import use_shipped_fonts
use_shipped_fonts()
assert QFontInfo(app.font()).family() == "Noto Sans", QFontInfo(app.font()).family()
noto = drawn("Noto Sans")
assert drawn("Noto Sans, DejaVu Sans, sans-serif") == noto  # what the lesson screens say
assert drawn("sans-serif") == noto  # a generic family is drawn in Noto Sans too
assert drawn("'Noto Sans', sans-serif") == noto  # quoted, as CSS writes it
assert drawn("DejaVu Sans") != noto  # (the two are told apart)
print("ok")
"""


def test_the_app_speaks_in_noto_sans(qtbot, start_app) -> None:
    start_app()
    assert "Noto Sans" in load_shipped_fonts()
    assert QFontInfo(QApplication.font()).family() == "Noto Sans"
    # Shipped with the app, with their licence; build.spec bundles all of assets/.
    fonts = paths.asset("fonts")
    assert (fonts / "NotoSans-Regular.ttf").is_file() and (fonts / "NotoSans-Bold.ttf").is_file()
    assert "SIL OPEN FONT LICENSE" in (fonts / "OFL.txt").read_text(encoding="utf-8").upper()
    spec = (REPO / "build.spec").read_text(encoding="utf-8")
    assert 'files_under(ROOT / "assets", "assets")' in spec


def test_svg_screens_are_drawn_in_the_shipped_font_without_a_system_noto(
        tmp_path: Path) -> None:
    config = tmp_path / "fonts.conf"
    config.write_text(
        '<?xml version="1.0"?><!DOCTYPE fontconfig SYSTEM "fonts.dtd"><fontconfig>'
        "<dir>/usr/share/fonts/truetype/dejavu</dir>"
        f"<cachedir>{tmp_path / 'cache'}</cachedir></fontconfig>", encoding="utf-8")
    environment = {**os.environ, "FONTCONFIG_FILE": str(config), "QT_QPA_PLATFORM": "offscreen"}
    done = subprocess.run([sys.executable, "-c", WITHOUT_NOTO], cwd=REPO, env=environment,
                          capture_output=True, text=True, timeout=120, check=False)
    assert done.returncode == 0 and done.stdout.strip() == "ok", done.stderr
