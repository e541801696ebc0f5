"""The demo promotions (``promotions.json``): about twenty promotions over the demo
catalog, as an operator would write them (contract v2's fields, French names as a store
prints them), every kind of the engine at least once.

Central's demo seed writes them (``sync.central.demo_seed``) and a demo till without a
server loads them (``pos.services.demo_store``), so both price the same baskets alike.
Broad offers (a department, a brand, the whole basket) run in store only, so web carts
and pickup orders keep their article prices; article offers and the BIENVENUE code run
on both channels. One is scoped to the Paris store, one has ended, one has not begun.
"""

from __future__ import annotations

import json
from importlib.resources import files
from typing import Any


def demo_promotions() -> list[dict[str, Any]]:
    """Each promotion as a mapping: ``id``, ``name``, ``kind``, ``value``, ``starts_at``,
    ``ends_at`` and the v2 fields it sets (the others take the contract's defaults)."""
    text = (files("resources.demo") / "promotions.json").read_text(encoding="utf-8")
    return list(json.loads(text))
