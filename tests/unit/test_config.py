"""The settings file: defaults, round trip, one clear sentence per mistake, atomic saves."""

from __future__ import annotations

import os
from dataclasses import replace
from pathlib import Path

import pytest

from hardware.printer.connections import PrinterConfig
from hardware.scanners import KeyboardFix, ScannerSettings
from pos.config import (
    CONFIG_ENV,
    Settings,
    SettingsError,
    StoreSettings,
    TillSettings,
    config_path,
    load_settings,
    paths,
    save_settings,
    settings_from_dict,
    validation,
)


def _custom() -> Settings:
    return Settings(
        store=StoreSettings(
            name="L'Épicerie de Léonie",
            address_lines=("3 place Bellecour", "69002 Lyon"),
            siret="98765432100019",
            vat_number="FR12987654321",
            receipt_footer=("Merci et à bientôt !", "« Bœuf » et œufs frais"),
        ),
        till=TillSettings(
            terminal_id="T-02", language="en", receipt_default="print", drawer_on_cash=False
        ),
        printer=PrinterConfig(
            kind="network",
            host="192.168.1.50",
            port=9101,
            timeout_s=2.5,
            codepage="CP1252",
            columns=32,
            drawer_pin=5,
            check_status=True,
        ),
        scanner=ScannerSettings(
            min_length=8, max_gap_ms=20.0, prefix="~", keyboard_fix=KeyboardFix.US_SCANNER_ON_AZERTY
        ),
    )


def _error(text: str, tmp_path: Path) -> SettingsError:
    path = tmp_path / "settings.toml"
    path.write_text(text, encoding="utf-8")
    with pytest.raises(SettingsError) as caught:
        load_settings(path)
    return caught.value


# -- where the file is --------------------------------------------------------------------


def test_config_path_prefers_option_then_environment_then_platform(
    monkeypatch: pytest.MonkeyPatch, tmp_path: Path
) -> None:
    monkeypatch.setenv(CONFIG_ENV, str(tmp_path / "env.toml"))
    assert config_path(str(tmp_path / "cli.toml")) == tmp_path / "cli.toml"
    assert config_path() == tmp_path / "env.toml"
    monkeypatch.delenv(CONFIG_ENV)
    monkeypatch.setattr(paths, "user_config_dir", lambda *a, **k: str(tmp_path / "platform"))
    assert config_path() == tmp_path / "platform" / "settings.toml"


# -- defaults and round trip ----------------------------------------------------------------


def test_a_missing_file_gives_the_demo_store_without_a_printer(tmp_path: Path) -> None:
    settings = load_settings(tmp_path / "absent.toml")
    assert settings == Settings()
    assert settings.store.name.startswith("Comptoir Démo")
    assert settings.till.receipt_default == "ask"  # French rule since August 2023
    assert settings.printer.kind == "dummy"
    assert not (tmp_path / "absent.toml").exists()


def test_save_then_load_gives_the_same_settings(tmp_path: Path) -> None:
    path = tmp_path / "new" / "folder" / "settings.toml"
    save_settings(path, _custom())
    assert load_settings(path) == _custom()
    assert "Léonie" in path.read_text(encoding="utf-8")
    assert [p.name for p in path.parent.iterdir()] == ["settings.toml"]  # no temp left


def test_a_partial_file_keeps_defaults_for_the_rest(tmp_path: Path) -> None:
    path = tmp_path / "settings.toml"
    path.write_text('[printer]\nkind = "file"\nfile_path = "/dev/usb/lp0"\n', encoding="utf-8")
    settings = load_settings(path)
    assert settings.printer == PrinterConfig(kind="file", file_path="/dev/usb/lp0")
    assert settings.store == StoreSettings()


def test_text_from_the_form_is_read_as_numbers() -> None:
    printer = {"port": " 9100 ", "timeout_s": "2,5", "usb_vendor_id": "04b8", "codepage": "cp1252"}
    settings = settings_from_dict({"printer": printer, "store": {"vat_number": "fr 32 123456789"}})
    assert (settings.printer.port, settings.printer.timeout_s) == (9100, 2.5)
    assert (settings.printer.usb_vendor_id, settings.printer.codepage) == (0x04B8, "CP1252")
    assert settings.store.vat_number == "FR32123456789"


# -- one sentence per mistake ------------------------------------------------------------------


@pytest.mark.parametrize(
    ("toml", "message"),
    [
        (
            '[printer]\nport = "abc"',
            "printer.port must be a whole number between 1 and 65535, not 'abc'.",
        ),
        ("[printer]\nport = 70000", "printer.port must be a whole number between 1 and 65535"),
        ("[printer]\nport = true", "printer.port must be a whole number"),
        ("[printer]\ntimeout_s = 0", "printer.timeout_s must be a number between 0.5 and 60"),
        ("[printer]\ncolumns = 40", "printer.columns must be one of 32, 48, not 40."),
        ("[printer]\ndrawer_pin = 3", "printer.drawer_pin must be one of 2, 5, not 3."),
        (
            '[printer]\ncodepage = "CP866"',
            "printer.codepage: the printer model Epson TM-T88V has no code page 'CP866'",
        ),
        (
            '[printer]\nprofile = "TM-T88X"',
            "printer.profile: Unknown printer model 'TM-T88X': choose the model",
        ),
        (  # the ZJ-5870 has no CP858: the page Comptoir chose before printed boxes there
            '[printer]\nprofile = "ZJ-5870"\ncodepage = "CP858"',
            "printer.codepage: the printer model ZiJiang ZJ-5870",
        ),
        ('[printer]\nkind = "bluetooth"', "printer.kind must be one of 'dummy', 'network'"),
        ('[printer]\nkind = "network"', 'printer.host is needed when printer.kind is "network".'),
        ('[printer]\nusb_vendor_id = "zz"', "printer.usb_vendor_id must be a hexadecimal number"),
        ('[till]\nlanguage = "de"', "till.language must be one of 'fr', 'en', not 'de'."),
        ('[till]\nreceipt_default = "always"', "till.receipt_default must be one of 'ask'"),
        ("[till]\ndrawer_on_cash = 1", "till.drawer_on_cash must be true or false, not 1."),
        ('[till]\nterminal_id = "caisse n°1"', "till.terminal_id must be 1 to 16 letters"),
        ('[store]\nname = "  "', "store.name cannot be empty."),
        ('[store]\nsiret = "1234"', "store.siret must be the store's 14-digit SIRET number"),
        ('[store]\naddress_lines = "1 rue Neuve"', "store.address_lines must be a list of text"),
        ("[scanner]\nmin_length = 0", "scanner.min_length must be a whole number between 1 and 64"),
        ('[scanner]\nprefix = "\\t"', "scanner.prefix must be at most 4 characters"),
        ('[scanner]\nkeyboard_fix = "dvorak"', "scanner.keyboard_fix must be one of 'none'"),
        ('store = "Chez Paul"', "[store] must be a table of settings, not 'Chez Paul'."),
    ],
)
def test_each_bad_value_is_named_with_what_is_expected(
    tmp_path: Path, toml: str, message: str
) -> None:
    error = _error(toml, tmp_path)
    assert str(error).startswith(message)
    assert error.key and error.key.split(".")[0] in toml


def test_errors_carry_key_rule_and_params_for_the_ui(tmp_path: Path) -> None:
    error = _error('[printer]\nport = "abc"', tmp_path)
    assert (error.key, error.rule) == ("printer.port", "integer")
    assert error.params == {"value": "'abc'", "low": "1", "high": "65535"}


@pytest.mark.parametrize(
    ("toml", "key"),
    [("[printer]\ncolums = 32", "printer.colums"), ("[sacnner]\nenabled = true", "sacnner")],
)
def test_unknown_keys_are_reported_not_ignored(tmp_path: Path, toml: str, key: str) -> None:
    error = _error(toml, tmp_path)
    assert str(error) == f"{key} is not a setting Comptoir knows: check its spelling, or remove it."
    assert (error.key, error.rule) == (key, "unknown")


def test_malformed_toml_names_the_file_and_the_line(tmp_path: Path) -> None:
    error = _error("[printer\nport = 9100\n", tmp_path)
    assert error.rule == "malformed"
    assert str(tmp_path / "settings.toml") in str(error)
    assert "line 1" in str(error) and "remove the file to start from the defaults" in str(error)


def test_a_file_that_is_not_text_is_refused_in_words(tmp_path: Path) -> None:
    path = tmp_path / "settings.toml"
    path.write_bytes(b"\xff\xfe\x00garbage")
    with pytest.raises(SettingsError, match="is not UTF-8 text"):
        load_settings(path)


def test_the_printer_has_the_last_word(monkeypatch: pytest.MonkeyPatch) -> None:
    """A check PrinterConfig adds later still reaches the user as a SettingsError."""
    monkeypatch.setattr(validation, "PrinterConfig", _PickyPrinter)
    with pytest.raises(SettingsError, match=r"^printer: Port 9101 is reserved") as caught:
        settings_from_dict({"printer": {"port": 9101}})
    assert caught.value.rule == "invalid"


class _PickyPrinter(PrinterConfig):
    __slots__ = ()

    def __post_init__(self) -> None:
        if self.port == 9101:
            raise ValueError("Port 9101 is reserved.")
        super().__post_init__()


# -- atomic save -----------------------------------------------------------------------------


def test_a_failed_save_keeps_the_old_file_whole(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    path = tmp_path / "settings.toml"
    save_settings(path, Settings())
    before = path.read_bytes()

    def crash(src: str, dst: str) -> None:
        raise OSError(28, "No space left on device")

    monkeypatch.setattr(os, "replace", crash)
    with pytest.raises(SettingsError, match=r"could not be saved to .*No space left") as caught:
        save_settings(path, _custom())
    assert caught.value.rule == "unwritable"
    assert path.read_bytes() == before
    assert [p.name for p in tmp_path.iterdir()] == ["settings.toml"]  # temp file removed


def test_saving_over_a_file_replaces_it(tmp_path: Path) -> None:
    path = tmp_path / "settings.toml"
    save_settings(path, Settings())
    changed = replace(_custom(), till=replace(_custom().till, terminal_id="T09"))
    save_settings(path, changed)
    assert load_settings(path).till.terminal_id == "T09"


def test_the_payment_terminal_section_is_read_and_checked(tmp_path: Path) -> None:
    path = tmp_path / "settings.toml"
    path.write_text('[payment_terminal]\ndriver = "concert"\naddress = "10.0.0.7:8888"\n')
    terminal = load_settings(path).payment_terminal
    assert (terminal.driver, terminal.host_port(), terminal.timeout_s) == (
        "concert", ("10.0.0.7", 8888), 90.0,
    )  # fmt: skip
    save_settings(path, load_settings(path))
    assert load_settings(path).payment_terminal == terminal
    assert load_settings(tmp_path / "none.toml").payment_terminal.driver == "none"
    path.write_text('[payment_terminal]\ndriver = "concert"\naddress = "10.0.0.7"\n')
    with pytest.raises(SettingsError) as bad:
        load_settings(path)
    assert bad.value.key == "payment_terminal.address"
