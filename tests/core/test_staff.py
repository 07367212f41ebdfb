"""PINs are hashed slowly with salt, and five wrong tries lock the door for longer each time."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta

import pytest

from oefenplek.core.staff import (
    MAX_TRIES,
    Lock,
    PinProblem,
    check_new_pin,
    hash_pin,
    pin_matches,
)

NOW = datetime(2026, 11, 22, 10, tzinfo=UTC)


def test_the_hash_is_not_the_pin_and_is_salted() -> None:
    salt, digest = hash_pin("4821")
    assert "4821" not in digest and len(digest) == 64
    assert pin_matches("4821", salt, digest)
    assert not pin_matches("4822", salt, digest)
    assert hash_pin("4821")[1] != digest  # another salt, another hash


@pytest.mark.parametrize("pin", ["12", "123456789", "12a4", "1111", "1234", "9876"])
def test_weak_or_odd_pins_are_refused_in_plain_words(pin: str) -> None:
    with pytest.raises(PinProblem):
        check_new_pin(pin)


def test_the_pin_must_be_typed_twice_the_same() -> None:
    assert check_new_pin("4821", "4821") == "4821"
    with pytest.raises(PinProblem):
        check_new_pin("4821", "4812")


def test_five_wrong_pins_lock_for_a_growing_pause() -> None:
    lock = Lock()
    for _ in range(MAX_TRIES - 1):
        lock = lock.after_wrong_pin(NOW)
        assert not lock.closed(NOW)
    lock = lock.after_wrong_pin(NOW)
    assert lock.closed(NOW) and not lock.closed(NOW + timedelta(seconds=31))
    first_pause = lock.until - NOW
    for _ in range(MAX_TRIES):
        lock = lock.after_wrong_pin(NOW)
    assert lock.until - NOW == 2 * first_pause
    assert lock.after_right_pin() == Lock()
