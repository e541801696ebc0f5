"""Printer models, from python-escpos's printer database (escpos-printer-db).

The database says, per model, which code pages it has (by ``ESC t`` number), whether it
draws QR codes, cuts paper, and how many columns each font prints. The settings offer
only these models and, for a model, only its pages that we can encode (``CODECS``), best
for French first; a model with none fit for French gets ``RASTER`` (text as an image).

The JSON file is read directly (~1 ms) rather than through ``escpos.capabilities``, whose
import parses it again, writes a pickle and calls ``logging.basicConfig()``: the settings
are validated at start-up, where that cost and side effect are not welcome.
"""

from __future__ import annotations

import importlib.util
import json
import os
from dataclasses import dataclass
from functools import cache
from pathlib import Path
from typing import Any

from hardware.printer.encoding import CODECS, RASTER, REQUIRED, french_rank, missing_characters

#: python-escpos's generic profile: an ESC/POS printer with every common page.
GENERIC = "default"
#: Profiles that are customer displays, not receipt printers.
_NOT_PRINTERS = ("Customer Display",)


class UnknownPrinterModel(ValueError):
    """A model name the database does not have (a typo, or a newer python-escpos)."""


@dataclass(frozen=True, slots=True)
class PrinterModel:
    """One model: its profile key (``TM-T88V``), what it can print, and on what paper."""

    key: str
    name: str
    vendor: str
    code_pages: tuple[str, ...]  # ours only, best for French first
    qr: bool
    barcode: bool  # draws Code 128 itself (``GS k`` set B)
    cut: bool
    image_impl: str  # python-escpos ``image(impl=…)`` this model understands
    font_columns: tuple[int, ...]  # font A, font B, …
    dots: int | None  # printable dots per line, when the database knows

    @property
    def label(self) -> str:
        """ "Epson TM-T88V" — the vendor is left out when the name already says it."""
        if self.name.lower().startswith(self.vendor.lower()):
            return self.name
        return f"{self.vendor} {self.name}"

    def best_codepage(self) -> str:
        """The page for a French receipt: the first with every ``REQUIRED`` letter, or
        ``RASTER`` when the model has none."""
        for page in self.code_pages:
            if not missing_characters(page, REQUIRED):
                return page
        return RASTER

    def offered_codepages(self) -> tuple[str, ...]:
        """What the settings offer: the model's pages, then printing as an image."""
        return (*self.code_pages, RASTER)

    def widest(self) -> int | None:
        """The most columns a font prints; ``None`` when the database's figures cannot be
        receipt widths (the NT-80-V-UL lists 12 and 9)."""
        most = max(self.font_columns, default=0)
        return most if most >= 32 else None

    def font_for(self, columns: int) -> int | None:
        """The first font printing at least ``columns`` per line; ``None`` if none does."""
        for font, count in enumerate(self.font_columns):
            if count >= columns:
                return font
        return None


def printer_models() -> tuple[PrinterModel, ...]:
    """Every receipt printer the database knows: the generic one first, then by label."""
    models = _models()
    generic = [m for m in models.values() if m.key == GENERIC]
    others = sorted((m for m in models.values() if m.key != GENERIC), key=_sort_key)
    return (*generic, *others)


def printer_model(key: str) -> PrinterModel:
    """The model named ``key``; ``UnknownPrinterModel`` with a sentence otherwise."""
    try:
        return _models()[key]
    except KeyError:
        raise UnknownPrinterModel(
            f"Unknown printer model {key!r}: choose the model in the printer settings "
            "(for instance TM-T88V, or the generic ESC/POS printer)."
        ) from None


def _sort_key(model: PrinterModel) -> tuple[bool, str]:
    return (model.vendor == "Generic", model.label.lower())


@cache
def _models() -> dict[str, PrinterModel]:
    profiles = _database()["profiles"]
    return {
        key: _model(key, data)
        for key, data in profiles.items()
        if not any(word in data.get("name", "") for word in _NOT_PRINTERS)
    }


def _model(key: str, data: dict[str, Any]) -> PrinterModel:
    pages = {name for name in data.get("codePages", {}).values() if name in CODECS}
    features = data.get("features", {})
    fonts = data.get("fonts", {})
    columns = tuple(int(fonts[f]["columns"]) for f in sorted(fonts, key=int))
    dots = data.get("media", {}).get("width", {}).get("pixels")
    return PrinterModel(
        key=key,
        name=data.get("name", key),
        vendor=data.get("vendor", ""),
        code_pages=tuple(sorted(pages, key=lambda page: (french_rank(page), page))),
        qr=bool(features.get("qrCode")),
        barcode=bool(features.get("barcodeB")),
        cut=bool(features.get("paperFullCut") or features.get("paperPartCut")),
        # ESC * (column format) is the oldest bit image command: impact printers have it
        image_impl="bitImageRaster" if features.get("bitImageRaster") else "bitImageColumn",
        font_columns=columns,
        dots=dots if isinstance(dots, int) else None,
    )


def _database() -> dict[str, Any]:
    """python-escpos's JSON database (or the file its own setting points at)."""
    override = os.environ.get("ESCPOS_CAPABILITIES_FILE")
    if override:
        path = Path(override)
    else:
        spec = importlib.util.find_spec("escpos")
        if spec is None or not spec.submodule_search_locations:
            raise RuntimeError("python-escpos is not installed: no printer models to offer.")
        path = Path(next(iter(spec.submodule_search_locations))) / "capabilities.json"
    data: dict[str, Any] = json.loads(path.read_text(encoding="utf-8"))
    return data


def model_of_profile(profile: Any) -> PrinterModel:
    """What a python-escpos profile object (``printer.profile``) says the printer can do."""
    data: dict[str, Any] = profile.profile_data
    return _model(str(data.get("name", "")), data)
