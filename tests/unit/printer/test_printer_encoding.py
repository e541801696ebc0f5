"""Explicit code pages: exact bytes, and a deliberate fallback instead of a silent "?"."""

from __future__ import annotations

import logging

import pytest

from hardware.printer.encoding import FALLBACK, encode_text, fold_text


def test_cp858_bytes_for_french_text() -> None:
    assert encode_text("Crème brûlée 12,50 €", "CP858") == b"Cr\x8ame br\x96l\x82e 12,50 \xd5"
    assert encode_text("é", "CP858") == b"\x82"
    assert encode_text("«Noël»", "CP858") == b"\xaeNo\x89l\xaf"


def test_cp858_has_no_oe_ligature_so_it_falls_back() -> None:
    assert encode_text("Bœuf, ŒUFS", "CP858") == b"Boeuf, OEUFS"


def test_cp1252_keeps_ligatures_quotes_and_euro() -> None:
    assert encode_text("Bœuf Œ « » ’ € …", "CP1252") == b"B\x9cuf \x8c \xab \xbb \x92 \x80 \x85"


@pytest.mark.parametrize(
    ("text", "cp858"),
    [
        ("l’été", b"l'\x82t\x82"),
        ("“ok”", b'"ok"'),
        ("attendez…", b"attendez..."),
        ("10–12 — fin", b"10-12 - fin"),
        ("12\u00a0€", b"12\xff\xd5"),  # CP858 has the no-break space (0xFF)
        ("prix\u202f:", b"prix :"),  # the narrow one it lacks
        ("2 × 3", b"2 \x9e 3"),  # CP858 has × (0x9E)
    ],
)
def test_cp858_fallbacks(text: str, cp858: bytes) -> None:
    assert encode_text(text, "CP858") == cp858


def test_fallbacks_are_used_only_for_missing_characters() -> None:
    assert encode_text("2 × 3\u202f!", "CP1252") == b"2 \xd7 3 !"
    assert all(value.isascii() for value in FALLBACK.values())


def test_accent_is_dropped_when_the_page_lacks_the_letter() -> None:
    assert encode_text("Łódź ő", "CP1252") == b"L\xf3dz o"


def test_control_characters_cannot_inject_printer_commands() -> None:
    assert encode_text("Pain\x1b@\tbio\n", "CP858") == b"Pain @ bio\n"


def test_unprintable_character_is_logged_not_silent(caplog: pytest.LogCaptureFixture) -> None:
    with caplog.at_level(logging.WARNING, logger="hardware.printer.encoding"):
        assert encode_text("thé 中", "CP858") == b"th\x82 ?"
    assert "U+4E2D" in caplog.text


def test_fold_is_idempotent() -> None:
    text = "Bœuf « mijoté » – 12,50 € l’unité…"
    for page in ("CP858", "CP1252"):
        once = fold_text(text, page)
        assert fold_text(once, page) == once


def test_unknown_code_page_is_refused_clearly() -> None:
    with pytest.raises(ValueError, match="CP1252, ISO_8859-15, CP858"):
        encode_text("x", "CP866")  # Cyrillic: no French receipt there
    assert encode_text("é", "cp858") == b"\x82"
