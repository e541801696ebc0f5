"""A sale's fingerprint is computed with its record serialised once: the composed text
must be exactly the canonical JSON of the whole payload, or a retry already recorded
would no longer be recognised as a duplicate."""

from __future__ import annotations

from typing import Any

from hypothesis import given
from hypothesis import strategies as st

from sync.central.push_prepare import _canonical_around, canonical_json

_SCALARS = st.none() | st.booleans() | st.integers() | st.text(max_size=8)
_VALUES = st.recursive(
    _SCALARS,
    lambda inner: (
        st.lists(inner, max_size=4) | st.dictionaries(st.text(max_size=6), inner, max_size=4)
    ),
    max_leaves=12,
)
_KEYS = st.sampled_from(["sale", "seal", "journal", "Sale", "sale2", "a", "z", "é", " "])


@given(st.dictionaries(_KEYS, _VALUES, min_size=1, max_size=6), _VALUES)
def test_the_composed_payload_is_its_canonical_json(payload: dict[str, Any], sale: Any) -> None:
    payload = {**payload, "sale": sale}
    assert _canonical_around(payload, "sale", canonical_json(sale)) == canonical_json(payload)


def test_a_real_shape_with_accents_and_nulls() -> None:
    sale = {"id": "s-1", "lines": [{"name": "Crème brûlée", "qty": 2}], "customer": None}
    payload = {"seal": {"seq": 4, "sig": "AbC=="}, "sale": sale, "journal": None}
    assert _canonical_around(payload, "sale", canonical_json(sale)) == canonical_json(payload)
