"""Word wrapping for 32 and 48 columns: never cut, numbers kept with their units, French
guillemets kept with their word (issue 17: "borosilicaté 1.", "pots en.", a lone "»")."""

from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st

from hardware.receipt.text_fit import BREAK_MARK, NBSP, TIGHT, glue, wrap_hanging, wrap_words


@pytest.mark.parametrize(
    ("text", "glued"),
    [
        ("Farine T55 1 kg", f"Farine T55 1{NBSP}kg"),
        ("Comté 1,5 kg", f"Comté 1,5{NBSP}kg"),
        ("Gruyère râpé 100 g", f"Gruyère râpé 100{NBSP}g"),
        ("3 x 2,79 €", f"3{NBSP}x{NBSP}2,79{NBSP}€"),
        ("Lot de 6 x 33 cl", f"Lot de 6{NBSP}x{NBSP}33{NBSP}cl"),
        ("Yaourt « Bio » nature", f"Yaourt «{NBSP}Bio{NBSP}» nature"),
        ("Motif : casse", f"Motif{NBSP}: casse"),
        ("Gamme 2024 Printemps", "Gamme 2024 Printemps"),  # a year, not a quantity
        ("Pack 6 gourdes", "Pack 6 gourdes"),  # "g" only as a whole word
        ("Coupe — fromages", f"Coupe{NBSP}— fromages"),
        ("Coupe - fromages", f"Coupe{NBSP}- fromages"),  # the dash once folded
        ("Remise -10 %", f"Remise -10{NBSP}%"),  # a sign, not a separator
    ],
)
def test_what_must_stay_together_is_glued(text: str, glued: str) -> None:
    assert glue(text) == glued


def test_a_58mm_name_keeps_its_pack_size_and_every_word() -> None:
    name = "Lot de 6 pots en verre borosilicaté 1,5 l avec couvercle hermétique"
    lines = wrap_hanging(name, 22, 32)
    assert " ".join(lines) == name
    assert all(len(line) <= width for line, width in zip(lines, [22, 32, 32, 32], strict=False))
    assert not any(line.startswith(("l ", "g ", "kg ")) for line in lines)
    assert any("1,5 l" in line for line in lines)


@pytest.mark.parametrize("width", [10, 12, 14])
def test_a_guillemet_never_ends_or_starts_a_line_alone(width: int) -> None:
    lines = wrap_words("Confiture « Maison Dupont » extra", width)
    assert not any(line.endswith("«") or line.startswith("»") for line in lines)
    assert " ".join(lines) == "Confiture « Maison Dupont » extra"


@pytest.mark.parametrize("width", range(12, 32))
def test_a_separating_dash_never_starts_a_line(width: int) -> None:
    name = "Frais à la coupe - fromages et charcuterie"
    lines = wrap_words(name, width)
    assert not any(line.startswith("-") for line in lines)
    assert " ".join(lines) == name


def test_a_glued_group_wider_than_the_line_breaks_at_its_own_spaces() -> None:
    assert wrap_words("12 x 1 234,50 €", 8) == ["12 x", "1 234,50", "€"]


def test_a_word_wider_than_the_line_is_broken_mid_word_with_a_hyphen() -> None:
    assert wrap_hanging("X" * 30, 10, 12) == ["X" * 9 + "-", "X" * 11 + "-", "X" * 10]


CODE_40 = "0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZ0123"  # 40 characters, no hyphen of its own


@pytest.mark.parametrize(("width", "first"), [(32, 32), (32, 22), (48, 48), (48, 36)])
def test_an_over_long_code_is_broken_with_a_mark_and_keeps_every_character(
    width: int, first: int
) -> None:
    code = (CODE_40 * 2)[: width + 8]  # 40 characters at 32 columns, 56 at 48
    lines = wrap_hanging(f"Vis {code} inox", first, width)
    broken = [line for line in lines if line.endswith(BREAK_MARK)]
    assert broken, lines  # the break shows
    assert len(lines[0]) <= first and all(len(line) <= width for line in lines)
    glued = "".join(line[:-1] if line in broken else line + " " for line in lines)
    assert glued.strip() == f"Vis {code} inox"  # nothing lost, nothing added


words = st.text(alphabet="abcdéœ«»:,1209 xkg€", min_size=0, max_size=120)


@given(words, st.integers(min_value=1, max_value=40), st.integers(min_value=1, max_value=48))
def test_wrapping_keeps_every_character_and_every_width(text: str, first: int, width: int):
    lines = wrap_hanging(text, first, width)
    printed = "".join(lines).replace(BREAK_MARK, "")  # the alphabet has no hyphen of its own
    assert "".join(printed.split()) == "".join(text.split())  # nothing lost or cut
    assert len(lines[0]) <= max(first, 1)
    assert all(len(line) <= width for line in lines[1:])
    assert all(NBSP not in line and TIGHT not in line for line in lines)
