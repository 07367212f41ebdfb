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


NORMAL = Palette()


def pt(size: float, scale: float = 1.0) -> int:
    return round(size * scale)


def stylesheet(palette: Palette = NORMAL, scale: float = 1.0) -> str:
    """The application's stylesheet for a text-size factor."""
    p = palette
    body, big, title = pt(BASE_POINT_SIZE, scale), pt(26, scale), pt(32, scale)
    pad = round(12 * scale)
    return f"""
QWidget {{ background: {p.window}; color: {p.text}; font-size: {body}pt; }}
QLabel {{ background: transparent; }}
QLabel[role="title"] {{ font-size: {title}pt; font-weight: bold; }}
QLabel[role="instruction"] {{ font-size: {big}pt; font-weight: bold; }}
QLabel[role="muted"] {{ color: {p.muted}; }}
QPushButton, QToolButton {{
    background: {p.panel}; color: {p.text}; border: 3px solid {p.border};
    border-radius: 14px; padding: {pad}px {pad + 6}px; min-height: {MIN_TARGET - 6}px;
    min-width: {MIN_TARGET - 6}px;
}}
QPushButton:hover, QToolButton:hover {{ background: #EEF3FB; }}
QPushButton:focus, QToolButton:focus {{ border: 6px solid {p.focus}; }}
QPushButton:disabled {{ color: #5E5E5E; border-color: #A0A0A0; background: #F0EEEA; }}
QPushButton[role="primary"] {{
    background: {p.primary}; color: {p.primary_text}; border-color: {p.primary};
    font-weight: bold;
}}
QPushButton[role="primary"]:focus {{ border: 6px solid {p.focus}; }}
QPushButton[role="primary"]:disabled {{ background: #E2E6EE; color: #4D4D4D;
    border-color: #A0A8B8; }}
QPushButton[role="tile"] {{ border-radius: 20px; padding: {pad}px; }}
QPushButton[role="tile"]:checked {{ border: 6px solid {p.primary}; background: #E8EFFA; }}
QPushButton[role="choice"] {{ text-align: left; padding-left: {pad * 2}px; }}
QPushButton[role="choice"]:checked {{ border: 6px solid {p.primary}; background: #E8EFFA;
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
QFrame[role="card"] {{ background: {p.panel}; border: 2px solid #D8D2C8; border-radius: 18px; }}
QScrollArea {{ border: none; }}
QScrollBar:vertical {{ width: 28px; }}
QToolTip {{ font-size: {body}pt; }}
"""
