"""Letters that fit: a text on a simulated screen that is wider than its shape is an error,
measured with the bundled Noto Sans as the app draws it."""

from __future__ import annotations

from pathlib import Path

import pytest

from oefenplek.core.lessons import fit
from oefenplek.core.lessons.fit import FONTS, Measure, overflows, screen_problems

SCREEN = """<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 400 300">
  <rect width="400" height="300" fill="#eeeeee"/>
  <g id="knop-lang" transform="translate(20,20)">
    <rect x="0" y="0" width="100" height="50" rx="10" fill="#1f6feb"/>
    <text x="50" y="33" font-size="20" text-anchor="middle" fill="#ffffff">{long}</text>
  </g>
  <g id="knop-kort">
    <rect x="200" y="20" width="180" height="50" fill="#ffffff"/>
    <text x="370" y="53" font-size="20" font-weight="bold" text-anchor="end">Verder</text>
  </g>
  <circle cx="60" cy="200" r="12" fill="#2e9e4f"/>
  <text x="66" y="206" font-size="20">Naast een icoon</text>
  <rect x="140" y="230" width="60" height="60" fill="#ffffff" fill-opacity="0"/>
  <text x="150" y="270" font-size="20">Op een onzichtbaar vlak</text>
</svg>
"""


@pytest.fixture(scope="module")
def measure() -> Measure:
    return Measure()


def test_the_bundled_font_is_the_one_measured() -> None:
    assert all(font.is_file() for font in FONTS)
    assert [font.name for font in FONTS] == ["NotoSans-Regular.ttf", "NotoSans-Bold.ttf"]


def test_a_width_grows_with_size_and_weight(measure: Measure) -> None:
    regular = measure.width("Instellingen", 20)
    assert 100 < regular < 130  # about 0.55 em per letter in Noto Sans
    assert measure.width("Instellingen", 40) == pytest.approx(2 * regular)
    assert measure.width("Instellingen", 20, bold=True) > regular
    assert measure.width("", 20) == 0


def test_a_label_too_long_for_its_button_is_found_and_by_how_much(
        tmp_path: Path, measure: Measure) -> None:
    svg = tmp_path / "scherm.svg"
    long = "Een veel te lange knop"
    svg.write_text(SCREEN.format(long=long), encoding="utf-8")
    [overflow] = overflows(svg, measure)
    width = measure.width(long, 20)
    # centred on x = 20 + 50 = 70 in a button from 20 to 120
    assert overflow.by == pytest.approx(width / 2 - 50)
    assert (overflow.text, overflow.where, overflow.svg) == (long, "knop-lang", svg)


def test_a_label_that_fits_is_no_problem(tmp_path: Path, measure: Measure) -> None:
    svg = tmp_path / "scherm.svg"
    svg.write_text(SCREEN.format(long="OK"), encoding="utf-8")
    assert overflows(svg, measure) == []


def test_the_check_names_the_screen_the_text_and_the_overflow(tmp_path: Path) -> None:
    screens = tmp_path / "_screens"
    screens.mkdir()
    (screens / "scherm.svg").write_text(SCREEN.format(long="Een veel te lange knop"),
                                        encoding="utf-8")
    (screens / "kapot.svg").write_text("<svg", encoding="utf-8")
    problems = screen_problems(screens)
    assert [(p.file.name, p.key) for p in problems] == [("kapot.svg", None),
                                                        ("scherm.svg", "knop-lang")]
    message = problems[1].message
    assert message.startswith("de tekst 'Een veel te lange knop' is ")
    assert message.endswith(" breder dan de vorm waar hij op staat: maak hem korter of kleiner")
    assert screen_problems(tmp_path / "bestaat-niet") == []


def test_shapes_are_read_with_their_transforms_and_curves() -> None:
    shape = fit._shape(fit.ET.fromstring(
        '<path d="M10 10 h80 a10 10 0 0 1 10 10 v30 H10 z"/>'), "path",
        fit._transform("translate(100,0) scale(2,1)"))
    assert shape is not None
    assert (shape.left, shape.right) == pytest.approx((120, 300))
    assert shape.span(150, 30) == pytest.approx((120, 300))
    assert shape.span(299, 11) is None  # outside the rounded corner
    assert fit._transform("rotate(90)")[:4] == pytest.approx((0, 1, -1, 0))
