"""The till's ``[loyalty] offline_cap_points`` (issue 15): 500 by default, 0 turns offline
redemption off, and a value the till cannot use is refused by name."""

from __future__ import annotations

import pytest

from pos.config.model import SettingsError
from pos.config.validation import settings_from_dict, settings_to_dict


def test_the_offline_cap_defaults_to_500_and_round_trips() -> None:
    assert settings_from_dict({}).loyalty.offline_cap_points == 500
    off = settings_from_dict({"loyalty": {"offline_cap_points": 0}})
    assert off.loyalty.offline_cap_points == 0
    assert settings_from_dict(settings_to_dict(off)) == off


def test_a_negative_cap_or_an_unknown_key_is_refused() -> None:
    with pytest.raises(SettingsError, match="offline_cap_points"):
        settings_from_dict({"loyalty": {"offline_cap_points": -1}})
    with pytest.raises(SettingsError):
        settings_from_dict({"loyalty": {"offline_cap": 10}})
