"""The PySide6 interface: screens and widgets that show what the core says."""
