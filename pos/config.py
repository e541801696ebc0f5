"""Where the store's data lives, who this till is, and the till's settings file.

The data folder is, in order: ``--data-dir``, ``COMPTOIR_DATA_DIR``, then the platform's
user data folder. Each folder holds one store database, so several terminals (or tests)
run side by side simply by pointing at different folders.

The settings file is TOML, found in the same spirit: ``--config``, ``COMPTOIR_CONFIG``,
then ``settings.toml`` in the platform's user config folder. A missing file means the
defaults (the French demo store, no printer), so a fresh till always starts. Anything
wrong in the file is a ``SettingsError`` whose message is one sentence naming the key and
what it expects, never a traceback. The same validation serves the settings dialog, so
the file and the form can never disagree on what is valid. No Qt here: the CLI and the
services read the settings too.
"""

from __future__ import annotations

import math
import os
import re
import tempfile
import tomllib
from collections.abc import Callable, Iterable, Mapping
from dataclasses import asdict, dataclass, field
from pathlib import Path
from typing import Any, Literal

import tomli_w
from platformdirs import user_config_dir, user_data_dir

from hardware.printer.connections import PrinterConfig
from hardware.printer.encoding import CODECS
from hardware.printer.escpos_receipt import DRAWER_PINS
from hardware.receipt.layout import SUPPORTED_COLUMNS
from hardware.scanners import KeyboardFix, ScannerSettings

APP_NAME = "comptoir"
DATA_DIR_ENV = "COMPTOIR_DATA_DIR"
DATABASE_FILE = "store.db"
CONFIG_ENV = "COMPTOIR_CONFIG"
SETTINGS_FILE = "settings.toml"

Language = Literal["fr", "en"]
ReceiptDefault = Literal["ask", "print", "none"]

LANGUAGES: tuple[str, ...] = ("fr", "en")
RECEIPT_DEFAULTS: tuple[str, ...] = ("ask", "print", "none")
PRINTER_KINDS: tuple[str, ...] = ("dummy", "network", "usb", "serial", "file")
BAUDRATES: tuple[int, ...] = (2400, 4800, 9600, 19200, 38400, 57600, 115200)
#: Which connection field each printer kind cannot do without.
REQUIRED_FOR_KIND: dict[str, tuple[str, ...]] = {
    "network": ("host",),
    "usb": ("usb_vendor_id", "usb_product_id"),
    "serial": ("serial_device",),
    "file": ("file_path",),
    "dummy": (),
}
_SCANNER_TERMINATORS = ("\r", "\n", "\t")  # BurstDetector's defaults


def resolve_data_dir(cli_value: str | None = None) -> Path:
    """The data folder chosen by option, environment or platform, created if missing."""
    chosen = cli_value or os.environ.get(DATA_DIR_ENV) or user_data_dir(APP_NAME, appauthor=False)
    path = Path(chosen).expanduser().resolve()
    path.mkdir(parents=True, exist_ok=True)
    return path


# -- the settings tree --------------------------------------------------------------------


@dataclass(frozen=True, slots=True)
class StoreSettings:
    """The receipt header and footer: French receipts must name the seller and its SIRET."""

    name: str = "Comptoir Démo — Lyon Part-Dieu"
    address_lines: tuple[str, ...] = ("12 rue de la Part-Dieu", "69003 Lyon")
    siret: str = "123 456 789 00012"
    vat_number: str = "FR32123456789"
    receipt_footer: tuple[str, ...] = (
        "Merci de votre visite !",
        "Échange sous 30 jours avec ce ticket.",
    )


@dataclass(frozen=True, slots=True)
class TillSettings:
    """This terminal. ``receipt_default`` is "ask": since August 2023 French law forbids
    printing every receipt systematically; the customer is offered one."""

    terminal_id: str = "T01"
    language: Language = "fr"
    receipt_default: ReceiptDefault = "ask"
    drawer_on_cash: bool = True


@dataclass(frozen=True, slots=True)
class Settings:
    """Everything the till reads at start; immutable, replaced whole when the user saves."""

    store: StoreSettings = field(default_factory=StoreSettings)
    till: TillSettings = field(default_factory=TillSettings)
    printer: PrinterConfig = field(default_factory=PrinterConfig)
    scanner: ScannerSettings = field(default_factory=ScannerSettings)


class SettingsError(ValueError):
    """A settings value or file the till cannot use; ``str()`` is a sentence for people.

    ``key`` ("printer.port"), ``rule`` (a stable code such as "integer") and ``params``
    (already formatted for display: "value", "low", "high", "choices"…) let the UI say the
    same thing in the cashier's language and point at the field.
    """

    def __init__(
        self,
        message: str,
        *,
        key: str = "",
        rule: str = "",
        params: Mapping[str, str] | None = None,
    ) -> None:
        super().__init__(message)
        self.message = message
        self.key = key
        self.rule = rule
        self.params = dict(params or {})


# -- where the file is, reading and writing it --------------------------------------------


def config_path(cli_value: str | None = None) -> Path:
    """The settings file: ``--config``, else ``COMPTOIR_CONFIG``, else the platform folder.

    Not created here: a missing file simply means the defaults.
    """
    chosen = cli_value or os.environ.get(CONFIG_ENV)
    if chosen:
        return Path(chosen).expanduser()
    return Path(user_config_dir(APP_NAME, appauthor=False)) / SETTINGS_FILE


def load_settings(path: Path) -> Settings:
    """The settings in ``path``, the defaults if it does not exist; ``SettingsError`` else."""
    try:
        raw = path.read_bytes()
    except FileNotFoundError:
        return Settings()
    except OSError as exc:
        raise _file_error("unreadable", path, exc.strerror or str(exc)) from None
    try:
        data = tomllib.loads(raw.decode("utf-8"))
    except UnicodeDecodeError:
        raise _file_error("unreadable", path, "it is not UTF-8 text") from None
    except tomllib.TOMLDecodeError as exc:
        raise _file_error("malformed", path, str(exc)) from None
    return settings_from_dict(data)


def save_settings(path: Path, settings: Settings) -> None:
    """Write ``settings`` as TOML, atomically: a crash leaves the old file or the new one.

    The text goes to a temporary file in the same folder (same file system, so
    ``os.replace`` is atomic), is flushed to disk, then replaces the old file.
    """
    data = tomli_w.dumps(settings_to_dict(settings)).encode("utf-8")
    temp: str | None = None
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        handle, temp = tempfile.mkstemp(dir=path.parent, prefix=f".{path.name}.", suffix=".tmp")
        with os.fdopen(handle, "wb") as file:
            file.write(data)
            file.flush()
            os.fsync(file.fileno())
        os.replace(temp, path)
        temp = None
    except OSError as exc:
        raise _file_error("unwritable", path, exc.strerror or str(exc)) from None
    finally:
        if temp is not None:
            Path(temp).unlink(missing_ok=True)


def _file_error(rule: str, path: Path, detail: str) -> SettingsError:
    templates = {
        "unreadable": "The settings file {path} cannot be read ({detail}): check it, "
        "or remove it to start from the defaults.",
        "malformed": "The settings file {path} is not valid TOML ({detail}): correct that "
        "line, or remove the file to start from the defaults.",
        "unwritable": "The settings could not be saved to {path} ({detail}): check that "
        "the folder exists and can be written to.",
    }
    params = {"path": str(path), "detail": detail}
    return SettingsError(templates[rule].format(**params), rule=rule, params=params)


# -- dict <-> settings --------------------------------------------------------------------


def settings_to_dict(settings: Settings) -> dict[str, dict[str, Any]]:
    """The TOML shape of ``settings``: one table per section, plain TOML values only."""
    data = asdict(settings)
    for section in data.values():
        for key, value in section.items():
            if isinstance(value, tuple):
                section[key] = list(value)
            elif isinstance(value, str):
                section[key] = str(value)  # a StrEnum becomes its plain value
    return data


def settings_from_dict(data: Mapping[str, Any]) -> Settings:
    """Validate a TOML-shaped mapping (from the file or the settings form) into ``Settings``.

    Missing keys take their defaults; unknown keys are errors, so a typo is never silently
    ignored. Numbers may also arrive as text (the form's fields), "2,5" included.
    """
    _reject_unknown(data, ("store", "till", "printer", "scanner"), prefix="")
    store = _store(_Section("store", data.get("store", {})))
    till = _till(_Section("till", data.get("till", {})))
    printer = _printer(_Section("printer", data.get("printer", {})))
    scanner = _scanner(_Section("scanner", data.get("scanner", {})))
    return Settings(store=store, till=till, printer=printer, scanner=scanner)


def _store(section: _Section) -> StoreSettings:
    default = StoreSettings()
    settings = StoreSettings(
        name=section.text("name", default.name, required=True),
        address_lines=section.lines("address_lines", default.address_lines),
        siret=section.pattern("siret", default.siret, _SIRET, "siret"),
        vat_number=section.pattern(
            "vat_number", default.vat_number, _VAT, "vat_number", normalise=_compact_upper
        ),
        receipt_footer=section.lines("receipt_footer", default.receipt_footer),
    )
    section.finish()
    return settings


def _till(section: _Section) -> TillSettings:
    default = TillSettings()
    settings = TillSettings(
        terminal_id=section.pattern("terminal_id", default.terminal_id, _TERMINAL, "terminal_id"),
        language=section.choice("language", default.language, LANGUAGES),
        receipt_default=section.choice(
            "receipt_default", default.receipt_default, RECEIPT_DEFAULTS
        ),
        drawer_on_cash=section.boolean("drawer_on_cash", default.drawer_on_cash),
    )
    section.finish()
    return settings


def _printer(section: _Section) -> PrinterConfig:
    d = PrinterConfig()
    values: dict[str, Any] = {
        "kind": section.choice("kind", d.kind, PRINTER_KINDS),
        "host": section.text("host", d.host),
        "port": section.integer("port", d.port, 1, 65535),
        "timeout_s": section.number("timeout_s", d.timeout_s, 0.5, 60),
        "usb_vendor_id": section.integer("usb_vendor_id", d.usb_vendor_id, 0, 0xFFFF, base=16),
        "usb_product_id": section.integer("usb_product_id", d.usb_product_id, 0, 0xFFFF, base=16),
        "serial_device": section.text("serial_device", d.serial_device),
        "baudrate": section.choice("baudrate", d.baudrate, BAUDRATES),
        "file_path": section.text("file_path", d.file_path),
        "profile": section.text("profile", d.profile, required=True),
        "codepage": section.choice("codepage", d.codepage, tuple(CODECS), fold=str.upper),
        "columns": section.choice("columns", d.columns, SUPPORTED_COLUMNS),
        "drawer_pin": section.choice("drawer_pin", d.drawer_pin, DRAWER_PINS),
        "qr_native": section.boolean("qr_native", d.qr_native),
        "check_status": section.boolean("check_status", d.check_status),
    }
    section.finish()
    for key in REQUIRED_FOR_KIND[values["kind"]]:
        if not values[key]:
            raise _required_for_kind(key, values["kind"])
    try:
        return PrinterConfig(**values)  # its own checks have the last word
    except ValueError as exc:
        raise SettingsError(
            f"printer: {exc}", key="printer", rule="invalid", params={"detail": str(exc)}
        ) from None


def _required_for_kind(key: str, kind: str) -> SettingsError:
    full = f"printer.{key}"
    return SettingsError(
        f'{full} is needed when printer.kind is "{kind}".',
        key=full,
        rule="required",
        params={"kind": kind},
    )


def _scanner(section: _Section) -> ScannerSettings:
    d = ScannerSettings()
    fixes = tuple(fix.value for fix in KeyboardFix)
    settings = ScannerSettings(
        min_length=section.integer("min_length", d.min_length, 1, 64),
        max_gap_ms=section.number("max_gap_ms", d.max_gap_ms, 1, 1000),
        prefix=section.pattern("prefix", d.prefix, _PREFIX, "prefix", strip=False),
        keyboard_fix=KeyboardFix(section.choice("keyboard_fix", d.keyboard_fix.value, fixes)),
        enabled=section.boolean("enabled", d.enabled),
    )
    section.finish()
    return settings


# -- reading one section, one key at a time ------------------------------------------------

_SIRET = re.compile(r"^(\d\s*){14}$|^$")
_VAT = re.compile(r"^[A-Z]{2}[0-9A-Z]{2,13}$|^$")
_TERMINAL = re.compile(r"^[A-Za-z0-9_-]{1,16}$")
_PREFIX = re.compile(r"^[^\r\n\t]{0,4}$")
_PATTERN_EXPECTS = {
    "siret": "the store's 14-digit SIRET number (spaces allowed), or nothing",
    "vat_number": "an intra-EU VAT number such as FR32123456789, or nothing",
    "terminal_id": "1 to 16 letters, digits, - or _",
    "prefix": "at most 4 characters, without Enter or Tab",
}


class _Section:
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
        _reject_unknown(self._left, (), prefix=f"{self.name}.")


def _reject_unknown(table: Mapping[str, Any], known: Iterable[str], *, prefix: str) -> None:
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


def _compact_upper(value: str) -> str:
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
