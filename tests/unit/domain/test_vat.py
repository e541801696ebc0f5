from hypothesis import given
from hypothesis import strategies as st

from pos.domain.sale import VatLine
from pos.domain.vat import FRENCH_RATES, rate_label, split_ttc, vat_breakdown


def test_split_ttc_known_values() -> None:
    # 12,00 € TTC at 20 %: HT 10,00 €, TVA 2,00 €
    assert split_ttc(1200, 2000) == VatLine(2000, 1000, 200, 1200)
    # 1,00 € at 5,5 %: HT 0,9478… → 0,95; TVA 0,05
    assert split_ttc(100, 550) == VatLine(550, 95, 5, 100)
    # 2,10 € at 2,1 %: HT 2,0568… → 2,06
    assert split_ttc(210, 210) == VatLine(210, 206, 4, 210)


def test_breakdown_groups_per_rate_highest_first() -> None:
    table = vat_breakdown([(550, 199), (2000, 1200), (550, 101)])
    assert [line.vat_bp for line in table] == [2000, 550]
    assert table[1].total_cents == 300


def test_rate_labels_read_french() -> None:
    assert rate_label(550) == "5,5 %"
    assert rate_label(1300) == "13 %"
    assert rate_label(210) == "2,1 %"
    assert rate_label(1025) == "10,25 %"
    assert [rate_label(bp) for bp in FRENCH_RATES] == list(FRENCH_RATES.values())


def test_rate_labels_read_english() -> None:
    assert rate_label(550, "en") == "5.5%"
    assert rate_label(2000, "en") == "20%"
    assert rate_label(1025, "en") == "10.25%"


@given(st.lists(st.tuples(st.sampled_from(list(FRENCH_RATES)), st.integers(0, 10**7)), max_size=60))
def test_breakdown_always_sums_exactly_to_the_total(amounts: list[tuple[int, int]]) -> None:
    table = vat_breakdown(amounts)
    assert sum(line.total_cents for line in table) == sum(c for _, c in amounts)
    for line in table:
        assert line.base_cents + line.vat_cents == line.total_cents
        assert 0 <= line.vat_cents <= line.total_cents
