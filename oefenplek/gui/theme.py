"""Colours, sizes and the stylesheet: big, calm and readable (DESIGN.md §5).

All sizes grow with the learner's text size (100 %, 150 %, 200 %). Text colours are chosen
for at least 7:1 contrast on their background.
"""

from __future__ import annotations

from dataclasses import dataclass

BASE_POINT_SIZE = 22  # body text; nothing a learner reads is below 20 pt
MIN_TARGET = 64  # px, smallest button a learner taps


@dataclass(frozen=True)
class Palette:
    window: str = "#FBF8F3"  # warm off-white, calmer than pure white
    text: str = "#1B1B1B"
    muted: str = "#3D3D3D"
    panel: str = "#FFFFFF"
    border: str = "#5A5A5A"
    primary: str = "#124A99"  # 'Verder' and chosen things; white text on it is 8.9:1
    primary_text: str = "#FFFFFF"
    focus: str = "#B34700"  # thick focus ring
    good: str = "#E3F4E8"
    good_text: str = "#0B4D22"
    good_border: str = "#1E7A3C"
    try_again: str = "#FFF3D1"
    try_again_text: str = "#4A3500"
    try_again_border: str = "#B38600"
    dot_done: str = "#124A99"
    dot_todo: str = "#C9C9C9"
    hover: str = "#EEF3FB"
    chosen: str = "#E8EFFA"
    disabled: str = "#555555"
    disabled_background: str = "#F0EEEA"


NORMAL = Palette()

#: Black and yellow: the strongest contrast for learners who see poorly.
HIGH_CONTRAST = Palette(
    window="#000000",
    text="#FFFFFF",
    muted="#F0F0F0",
    panel="#000000",
    border="#FFFFFF",
    primary="#FFE600",
    primary_text="#000000",
    focus="#00E5FF",
    good="#000000",
    good_text="#9CFF9C",
    good_border="#9CFF9C",
    try_again="#000000",
    try_again_text="#FFE600",
    try_again_border="#FFE600",
    dot_done="#FFE600",
    dot_todo="#7A7A7A",
    hover="#1A1A1A",
    chosen="#262600",
    disabled="#9A9A9A",
    disabled_background="#000000",
)


def palette_for(high_contrast: bool) -> Palette:
    return HIGH_CONTRAST if high_contrast else NORMAL


@dataclass
class Current:
    """The look in use now; widgets that paint themselves read their colours from here."""

    palette: Palette = NORMAL
    scale: float = 1.0


current = Current()


def pt(size: float, scale: float = 1.0) -> int:
    return round(size * scale)


def stylesheet(palette: Palette = NORMAL, scale: float = 1.0) -> str:
    """The application's stylesheet for a text-size factor."""
    p = palette
    body, big, title = pt(BASE_POINT_SIZE, scale), pt(26, scale), pt(32, scale)
    pad = round(10 * scale)
    tall = round((MIN_TARGET - 6) * max(1.0, scale * 0.8))
    return f"""
QWidget {{ background: {p.window}; color: {p.text}; font-size: {body}pt; }}
QLabel {{ background: transparent; }}
QLabel[role="title"] {{ font-size: {title}pt; font-weight: bold; }}
QLabel[role="instruction"] {{ font-size: {big}pt; font-weight: bold; }}
QLabel[role="muted"] {{ color: {p.muted}; }}
QPushButton, QToolButton {{
    background: {p.panel}; color: {p.text}; border: 3px solid {p.border};
    border-radius: 14px; padding: {pad // 2}px {pad + 6}px; min-height: {tall}px;
    min-width: {MIN_TARGET - 6}px;
}}
QPushButton:hover, QToolButton:hover {{ background: {p.hover}; }}
QPushButton:focus, QToolButton:focus {{ border: 6px solid {p.focus}; }}
QPushButton:disabled {{ color: {p.disabled}; border-color: {p.disabled};
    background: {p.disabled_background}; }}
QPushButton[role="primary"] {{
    background: {p.primary}; color: {p.primary_text}; border-color: {p.primary};
    font-weight: bold;
}}
QPushButton[role="primary"]:focus {{ border: 6px solid {p.focus}; }}
QPushButton[role="primary"]:disabled {{ background: {p.disabled_background};
    color: {p.disabled}; border-color: {p.disabled}; }}
QPushButton[role="tile"] {{ border-radius: 20px; padding: {pad}px; }}
QPushButton[role="tile"]:checked {{ border: 6px solid {p.primary}; background: {p.chosen}; }}
QPushButton[role="language"]:checked {{ border: 6px solid {p.primary}; background: {p.chosen}; }}
QPushButton[role="choice"] {{ text-align: left; padding-left: {pad * 2}px; }}
QPushButton[role="choice"]:checked {{ border: 6px solid {p.primary}; background: {p.chosen};
    font-weight: bold; }}
QPushButton[state="right"] {{ border: 6px solid {p.good_border}; background: {p.good};
    color: {p.good_text}; }}
QPushButton[state="tried"] {{ border-style: dashed; color: {p.muted}; }}
QLineEdit {{
    background: {p.panel}; border: 3px solid {p.border}; border-radius: 10px;
    padding: {pad}px; font-size: {big}pt; min-height: {MIN_TARGET - 10}px;
}}
QLineEdit:focus {{ border: 6px solid {p.focus}; }}
QFrame[role="feedback-good"] {{ background: {p.good}; border: 3px solid {p.good_border};
    border-radius: 16px; }}
QFrame[role="feedback-good"] QLabel {{ color: {p.good_text}; }}
QFrame[role="feedback-try"] {{ background: {p.try_again}; border: 3px solid {p.try_again_border};
    border-radius: 16px; }}
QFrame[role="feedback-try"] QLabel {{ color: {p.try_again_text}; }}
QFrame[role="card"] {{ background: {p.panel}; border: 2px solid {p.border}; border-radius: 18px; }}
QPushButton[role="help-coming"] {{ background: {p.try_again}; color: {p.try_again_text};
    border: 6px solid {p.try_again_border}; font-weight: bold; }}
QPushButton[role="secondary"] {{ min-height: 42px; min-width: 42px; padding: 4px 10px; }}
QLabel[spoken="now"] {{ background: {p.try_again}; }}
QLabel[role="answer"] {{ background: {p.good}; color: {p.good_text}; font-weight: bold;
    border: 3px solid {p.good_border}; border-radius: 12px; padding: {pad // 3}px {pad}px; }}
QFrame[role="own"] {{ background: {p.primary}; border-radius: 14px; }}
QFrame[role="own"] QLabel {{ color: {p.primary_text}; font-weight: bold; }}
QLabel[words="yes"] {{ border: 3px solid transparent; border-radius: 8px; padding: 5px 0px;
    selection-background-color: {p.focus}; selection-color: {p.primary_text}; }}
QLabel[words="yes"]:focus {{ border: 3px dashed {p.focus}; }}
QPushButton[role="tile"]:focus, QPushButton[role="tile"]:checked:focus,
QPushButton[role="choice"]:focus, QPushButton[role="choice"]:checked:focus,
QPushButton[role="language"]:focus, QPushButton[role="language"]:checked:focus,
QPushButton[role="help-coming"]:focus, QPushButton[role="secondary"]:focus,
QPushButton[state="right"]:focus, QPushButton[state="tried"]:focus {{
    border: 6px solid {p.focus};
}}
QScrollArea {{ border: none; }}
QScrollBar {{ background: {p.panel}; border: 2px solid {p.border}; border-radius: 14px; }}
QScrollBar:vertical {{ width: 48px; }}
QScrollBar:horizontal {{ height: 48px; }}
QScrollBar::handle {{ background: {p.muted}; border-radius: 10px; margin: 5px; }}
QScrollBar::handle:vertical {{ min-height: 64px; }}
QScrollBar::handle:horizontal {{ min-width: 64px; }}
QScrollBar::add-line, QScrollBar::sub-line {{ width: 0; height: 0; border: none; }}
QScrollBar::add-page, QScrollBar::sub-page {{ background: transparent; }}
QToolTip {{ font-size: {body}pt; }}
"""
