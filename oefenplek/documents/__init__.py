"""Printed things (certificates, reports), drawn with reportlab. No Qt here."""
