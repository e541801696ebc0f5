"""Printer models from python-escpos's database: what is offered, and what each can print."""

from __future__ import annotations

from pathlib import Path

import pytest

from hardware.printer.encoding import CODECS, RASTER, REQUIRED, missing_characters
from hardware.printer.models import (
    GENERIC,
    UnknownPrinterModel,
    printer_model,
    printer_models,
)
from pos.config import SettingsError, load_settings


def test_the_generic_printer_comes_first_and_displays_are_not_printers() -> None:
    models = printer_models()
    keys = [model.key for model in models]
    assert keys[0] == GENERIC
    assert {"TM-T88V", "TM-T20II", "TSP600", "CT-S651", "ZJ-5870", "TM-U220"} <= set(keys)
    assert not {"AF-240", "OCD-100", "OCD-300"} & set(keys)  # customer displays
    assert len(keys) == len(set(keys)) >= 30


def test_offered_pages_are_the_models_own_and_encodable() -> None:
    for model in printer_models():
        assert set(model.code_pages) <= set(CODECS), model.key
        assert model.offered_codepages()[-1] == RASTER
        # the database's pages for this model, by name: nothing invented
        assert model.best_codepage() in (*model.code_pages, RASTER)


@pytest.mark.parametrize(
    ("key", "best", "absent"),
    [
        ("TM-T88V", "CP1252", ()),
        ("TSP600", "CP1252", ("CP850",)),  # Star: no CP850 in the database
        ("ZJ-5870", "CP1252", ("CP858",)),  # the page Comptoir used to force printed boxes
        ("T-1", "CP858", ("CP1252",)),  # Metapace: € but no œ, still French
        ("TM-U220", RASTER, ("CP858", "CP1252")),  # CP437 only: pictures
        ("simple", RASTER, ("CP858",)),
    ],
)
def test_best_page_for_french(key: str, best: str, absent: tuple[str, ...]) -> None:
    model = printer_model(key)
    assert model.best_codepage() == best
    assert not set(absent) & set(model.code_pages)
    if best != RASTER:
        assert missing_characters(best, REQUIRED) == ""


def test_pages_are_sorted_best_for_french_first() -> None:
    pages = printer_model("TM-T88V").code_pages
    assert pages[:3] == ("CP1252", "ISO_8859-15", "CP858")
    assert pages.index("CP850") < pages.index("CP437")


@pytest.mark.parametrize(
    ("key", "qr", "cut", "font_for_48", "font_for_32"),
    [
        ("TM-T88V", True, True, 1, 0),  # 42 columns in font A: 48 need font B
        ("TM-T20II", True, True, 0, 0),
        ("ZJ-5870", False, False, None, 0),  # 58 mm, no cutter, no QR
        ("TH230", False, True, 1, 0),
    ],
)
def test_features_from_the_database(
    key: str, qr: bool, cut: bool, font_for_48: int | None, font_for_32: int
) -> None:
    model = printer_model(key)
    assert (model.qr, model.cut) == (qr, cut)
    assert (model.font_for(48), model.font_for(32)) == (font_for_48, font_for_32)


def test_unknown_model_is_said_in_words() -> None:
    with pytest.raises(UnknownPrinterModel, match="Unknown printer model 'TM-T88X'"):
        printer_model("TM-T88X")


def test_a_file_naming_an_unknown_model_is_refused_and_left_untouched(tmp_path: Path) -> None:
    path = tmp_path / "settings.toml"
    text = '[printer]\nkind = "network"\nhost = "10.0.0.9"\nprofile = "XP-58"\n'
    path.write_text(text, encoding="utf-8")
    with pytest.raises(SettingsError) as caught:
        load_settings(path)
    assert caught.value.key == "printer.profile" and "XP-58" in caught.value.message
    assert path.read_text(encoding="utf-8") == text  # nothing lost


def test_a_page_the_model_lacks_is_refused_with_the_choices(tmp_path: Path) -> None:
    path = tmp_path / "settings.toml"
    path.write_text('[printer]\nprofile = "TSP600"\ncodepage = "CP850"\n', encoding="utf-8")
    with pytest.raises(SettingsError) as caught:
        load_settings(path)
    assert caught.value.key == "printer.codepage"
    assert "Star Micronics TSP600 Series has no code page 'CP850'" in caught.value.message
    assert "CP1252, CP858" in caught.value.message and "IMAGE" in caught.value.message


def test_image_and_lower_case_pages_are_accepted(tmp_path: Path) -> None:
    path = tmp_path / "settings.toml"
    path.write_text('[printer]\nprofile = "TM-U220"\ncodepage = "image"\n', encoding="utf-8")
    assert load_settings(path).printer.codepage == RASTER
    path.write_text('[printer]\nprofile = "RP326"\ncodepage = "iso_8859-15"\n', encoding="utf-8")
    assert load_settings(path).printer.codepage == "ISO_8859-15"


def test_a_width_no_font_of_the_model_prints_is_refused(tmp_path: Path) -> None:
    path = tmp_path / "settings.toml"
    path.write_text('[printer]\nprofile = "ZJ-5870"\ncolumns = 48\n', encoding="utf-8")
    with pytest.raises(SettingsError) as caught:
        load_settings(path)
    assert (caught.value.key, caught.value.rule) == ("printer.columns", "model_columns")
    assert "prints at most 32 columns, not 48" in caught.value.message
    path.write_text('[printer]\nprofile = "NT-80-V-UL"\ncolumns = 48\n', encoding="utf-8")
    assert load_settings(path).printer.columns == 48  # its database figures (12, 9) are odd
