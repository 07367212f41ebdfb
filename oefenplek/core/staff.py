"""Volunteers and coordinators: PINs stored as a salted slow hash, and a growing pause
after too many wrong tries, so nobody can guess their way into learners' data."""

from __future__ import annotations

import hashlib
import hmac
import os
from dataclasses import dataclass
from datetime import datetime, timedelta

from oefenplek.i18n import _

VOLUNTEER, COORDINATOR = "volunteer", "coordinator"
ROLES = (VOLUNTEER, COORDINATOR)
PIN_LENGTHS = (4, 8)
MAX_TRIES = 5  # wrong PINs before the area locks
FIRST_PAUSE = timedelta(seconds=30)  # doubles with every lock, up to LONGEST_PAUSE
LONGEST_PAUSE = timedelta(minutes=30)
# scrypt cost: about 50 ms on a library computer, 16 MB of memory.
SCRYPT = {"n": 2**14, "r": 8, "p": 1, "maxmem": 64 * 1024 * 1024, "dklen": 32}


@dataclass(frozen=True)
class StaffMember:
    id: str
    name: str
    role: str

    @property
    def is_coordinator(self) -> bool:
        return self.role == COORDINATOR


class PinProblem(ValueError):
    """A PIN that cannot be used, said in plain words."""


def check_new_pin(pin: str, again: str | None = None) -> str:
    low, high = PIN_LENGTHS
    if not pin.isdigit() or not low <= len(pin) <= high:
        raise PinProblem(_("A PIN has {low} to {high} digits.").format(low=low, high=high))
    if len(set(pin)) == 1 or pin in "0123456789" or pin in "9876543210":
        raise PinProblem(_("This PIN is too easy to guess. Choose other digits."))
    if again is not None and again != pin:
        raise PinProblem(_("The two PINs are not the same. Type them again."))
    return pin


def hash_pin(pin: str, salt: bytes | None = None) -> tuple[str, str]:
    """(salt, hash) as hex; the PIN itself is never stored."""
    salt = salt or os.urandom(16)
    digest = hashlib.scrypt(pin.encode(), salt=salt, **SCRYPT)
    return salt.hex(), digest.hex()


def pin_matches(pin: str, salt_hex: str, hash_hex: str) -> bool:
    _salt, digest = hash_pin(pin, bytes.fromhex(salt_hex))
    return hmac.compare_digest(digest, hash_hex)


@dataclass(frozen=True)
class Lock:
    """The state of the PIN door: wrong tries so far, and until when it is closed."""

    failures: int = 0
    locks: int = 0
    until: datetime | None = None

    def closed(self, now: datetime) -> bool:
        return self.until is not None and now < self.until

    def after_wrong_pin(self, now: datetime) -> Lock:
        failures = self.failures + 1
        if failures < MAX_TRIES:
            return Lock(failures, self.locks, self.until)
        pause = min(FIRST_PAUSE * (2 ** self.locks), LONGEST_PAUSE)
        return Lock(0, self.locks + 1, now + pause)

    def after_right_pin(self) -> Lock:
        return Lock()
