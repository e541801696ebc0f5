"""Translations that cannot break the till: complete, placeholders kept, .qm up to date."""

import re
import subprocess
import sys
import xml.etree.ElementTree as ET
from pathlib import Path

import pytest

I18N = Path(__file__).resolve().parents[2] / "resources" / "i18n"
PLACEHOLDER = re.compile(r"%\d|%[a-z_]+")


def _messages(lang: str) -> list[tuple[str, ET.Element]]:
    root = ET.parse(I18N / f"comptoir_{lang}.ts").getroot()
    return [(m.findtext("source") or "", m.find("translation")) for m in root.iter("message")]


def test_every_french_string_is_translated_with_its_placeholders() -> None:
    messages = _messages("fr")
    assert len(messages) >= 8
    for source, translation in messages:
        assert translation is not None and translation.get("type") != "unfinished", source
        assert translation.text, source
        assert sorted(PLACEHOLDER.findall(source)) == sorted(PLACEHOLDER.findall(translation.text))
        assert "&amp;" not in translation.text, f"escaped twice: {translation.text!r}"
        assert source.count("&") == translation.text.count("&"), "a menu accelerator got lost"


@pytest.mark.parametrize("lang", ["fr", "en"])
def test_compiled_catalogs_match_their_sources(lang: str, tmp_path: Path) -> None:
    lrelease = Path(sys.executable).with_name("pyside6-lrelease")
    out = tmp_path / "check.qm"
    subprocess.run(
        [str(lrelease), "-silent", str(I18N / f"comptoir_{lang}.ts"), "-qm", str(out)],
        check=True,
        timeout=60,
    )
    assert out.read_bytes() == (I18N / f"comptoir_{lang}.qm").read_bytes(), (
        "run scripts/translations.sh"
    )
