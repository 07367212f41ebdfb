"""Applying a learner's look: text size and contrast, for the whole app at once."""

from __future__ import annotations

from PySide6.QtWidgets import QApplication

from oefenplek.core.learners import Preferences
from oefenplek.gui import theme


def apply_look(preferences: Preferences | None = None) -> None:
    """Set the stylesheet for these preferences (the default look when None)."""
    preferences = preferences or Preferences()
    palette = theme.palette_for(preferences.high_contrast)
    scale = preferences.text_scale / 100
    if (palette, scale) == (theme.current.palette, theme.current.scale):
        return
    theme.current.palette, theme.current.scale = palette, scale
    app = QApplication.instance()
    if isinstance(app, QApplication):
        app.setStyleSheet(theme.stylesheet(palette, scale))
        from oefenplek.gui.widgets.buttons import BigButton

        for widget in app.allWidgets():
            if isinstance(widget, BigButton):
                widget.refresh_icon()
            widget.update()
