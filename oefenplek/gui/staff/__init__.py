"""The volunteers' and coordinator's area, behind a PIN."""
