"""The till day's two settings: read from [till], bounded, defaults 24 h and 5,00 €."""

import pytest

from pos.config.model import SettingsError
from pos.config.validation import settings_from_dict


def test_the_till_day_settings_default_and_are_read() -> None:
    default = settings_from_dict({}).till
    assert (default.session_max_hours, default.close_difference_limit_cents) == (24, 500)
    till = settings_from_dict(
        {"till": {"session_max_hours": 12, "close_difference_limit_cents": 1000}}
    ).till
    assert (till.session_max_hours, till.close_difference_limit_cents) == (12, 1000)


@pytest.mark.parametrize(
    "values",
    [{"session_max_hours": 0}, {"session_max_hours": 1000}, {"close_difference_limit_cents": -1}],
)
def test_absurd_till_day_settings_are_refused_by_key(values) -> None:
    with pytest.raises(SettingsError) as refused:
        settings_from_dict({"till": values})
    assert refused.value.key == f"till.{next(iter(values))}"


def test_the_idle_lock_setting_defaults_to_five_minutes_and_zero_means_never() -> None:
    assert settings_from_dict({}).till.lock_after_minutes == 5
    assert settings_from_dict({"till": {"lock_after_minutes": 0}}).till.lock_after_minutes == 0
    for absurd in (-1, 100_000):
        with pytest.raises(SettingsError) as refused:
            settings_from_dict({"till": {"lock_after_minutes": absurd}})
        assert refused.value.key == "till.lock_after_minutes"


def test_the_return_settings_default_and_absurd_ones_are_refused() -> None:
    till = settings_from_dict({}).till
    assert (
        till.cash_refund_limit_cents,
        till.offline_return_limit_cents,
        till.offline_credit_note_limit_cents,
        till.return_window_days,
    ) == (15000, 10000, 5000, 30)
    read = settings_from_dict({"till": {"cash_refund_limit_cents": 0, "return_window_days": 14}})
    assert (read.till.cash_refund_limit_cents, read.till.return_window_days) == (0, 14)
    for key, absurd in (
        ("cash_refund_limit_cents", -1),
        ("offline_return_limit_cents", 10**9),
        ("offline_credit_note_limit_cents", -5),
        ("return_window_days", 0),
    ):
        with pytest.raises(SettingsError) as refused:
            settings_from_dict({"till": {key: absurd}})
        assert refused.value.key == f"till.{key}"
