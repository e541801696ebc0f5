"""Reading one settings table, one key at a time, with one sentence per mistake."""

from __future__ import annotations

import math
import re
from collections.abc import Callable, Iterable, Mapping
from typing import Any

from pos.config.model import SettingsError

SIRET = re.compile(r"^(\d\s*){14}$|^$")
VAT = re.compile(r"^[A-Z]{2}[0-9A-Z]{2,13}$|^$")
TERMINAL = re.compile(r"^[A-Za-z0-9_-]{1,16}$")
PREFIX = re.compile(r"^[^\r\n\t]{0,4}$")
_PATTERN_EXPECTS = {
    "siret": "the store's 14-digit SIRET number (spaces allowed), or nothing",
    "vat_number": "an intra-EU VAT number such as FR32123456789, or nothing",
    "terminal_id": "1 to 16 letters, digits, - or _",
    "prefix": "at most 4 characters, without Enter or Tab",
}


class Section:
    """One TOML table being validated; each getter consumes its key, ``finish`` reports
    whatever is left as unknown."""

    def __init__(self, name: str, table: object) -> None:
        if not isinstance(table, Mapping):
            raise SettingsError(
                f"[{name}] must be a table of settings, not {_shown(table)}.",
                key=name,
                rule="table",
                params={"value": _shown(table)},
            )
        self.name = name
        self._left = dict(table)

    def _take(self, key: str, default: Any) -> Any:
        return self._left.pop(key, default)

    def fail(self, key: str, rule: str, expects: str, value: Any, **params: str) -> SettingsError:
        full = f"{self.name}.{key}"
        shown = _shown(value)
        return SettingsError(
            f"{full} must be {expects}, not {shown}.",
            key=full,
            rule=rule,
            params={"value": shown, **params},
        )

    def text(self, key: str, default: str, *, required: bool = False, strip: bool = True) -> str:
        value = self._take(key, default)
        if not isinstance(value, str):
            raise self.fail(key, "text", "text", value)
        value = value.strip() if strip else value
        if required and not value:
            raise SettingsError(
                f"{self.name}.{key} cannot be empty.", key=f"{self.name}.{key}", rule="empty"
            )
        return value

    def pattern(
        self,
        key: str,
        default: str,
        regex: re.Pattern[str],
        rule: str,
        *,
        strip: bool = True,
        normalise: Callable[[str], str] | None = None,
    ) -> str:
        value = self.text(key, default, strip=strip)
        value = normalise(value) if normalise else value
        if not regex.match(value):
            raise self.fail(key, rule, _PATTERN_EXPECTS[rule], value)
        return value

    def lines(self, key: str, default: tuple[str, ...]) -> tuple[str, ...]:
        value = self._take(key, default)
        if isinstance(value, list | tuple) and all(isinstance(line, str) for line in value):
            return tuple(line.rstrip() for line in value)
        raise self.fail(
            key, "lines", 'a list of text lines, e.g. ["12 rue Neuve", "69001 Lyon"]', value
        )

    def boolean(self, key: str, default: bool) -> bool:
        value = self._take(key, default)
        if not isinstance(value, bool):
            raise self.fail(key, "boolean", "true or false", value)
        return value

    def integer(self, key: str, default: int, low: int, high: int, *, base: int = 10) -> int:
        value = self._take(key, default)
        number = _as_integer(value, base)
        if number is None or not low <= number <= high:
            bounds = (f"{low:04x}", f"{high:04x}") if base == 16 else (str(low), str(high))
            what = "a hexadecimal number" if base == 16 else "a whole number"
            expects = f"{what} between {bounds[0]} and {bounds[1]}"
            rule = "hexadecimal" if base == 16 else "integer"
            raise self.fail(key, rule, expects, value, low=bounds[0], high=bounds[1])
        return number

    def number(self, key: str, default: float, low: float, high: float) -> float:
        value = self._take(key, default)
        number = _as_number(value)
        if number is None or not low <= number <= high:
            expects = f"a number between {low:g} and {high:g}"
            raise self.fail(key, "number", expects, value, low=f"{low:g}", high=f"{high:g}")
        return number

    def choice(
        self,
        key: str,
        default: Any,
        choices: Iterable[Any],
        *,
        fold: Callable[[str], str] | None = None,
    ) -> Any:
        value = self._take(key, default)
        options = tuple(choices)
        candidate = fold(value) if fold and isinstance(value, str) else value
        if isinstance(candidate, bool) or candidate not in options:
            listed = ", ".join(_shown(option) for option in options)
            raise self.fail(key, "choice", f"one of {listed}", value, choices=listed)
        return candidate

    def finish(self) -> None:
        reject_unknown(self._left, (), prefix=f"{self.name}.")


def reject_unknown(table: Mapping[str, Any], known: Iterable[str], *, prefix: str) -> None:
    unknown = sorted(set(table) - set(known))
    if unknown:
        key = f"{prefix}{unknown[0]}"
        raise SettingsError(
            f"{key} is not a setting Comptoir knows: check its spelling, or remove it.",
            key=key,
            rule="unknown",
        )


def _as_integer(value: Any, base: int) -> int | None:
    if isinstance(value, bool):
        return None
    if isinstance(value, int):
        return value
    if isinstance(value, str):
        try:
            return int(value.strip(), base)
        except ValueError:
            return None
    return None


def _as_number(value: Any) -> float | None:
    if isinstance(value, bool):
        return None
    if isinstance(value, str):
        try:
            value = float(value.strip().replace(",", "."))
        except ValueError:
            return None
    if isinstance(value, int | float) and math.isfinite(value):
        return float(value)
    return None


def compact_upper(value: str) -> str:
    """VAT numbers are read without spaces and in capitals: "fr 32 123…" is "FR32123…"."""
    return "".join(value.split()).upper()


def _shown(value: Any) -> str:
    """A value as the person wrote it: TOML spelling for booleans, quotes for text."""
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, str):
        return repr(value)
    if isinstance(value, Mapping):
        return "a table"
    return repr(value)
