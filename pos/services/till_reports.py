"""The X report and the Z closure on paper, as ``SlipDocument`` for the receipt printer.

Both are mapped from the till day's records (``till_records``: the X's figures with its
session's header, or the Z report as stored), so a Z printed again later reads exactly as
the first time. Labels are in the report's language (French unless "en"), amounts in
euros, times in the shop's time zone; ``hardware.receipt.slip`` lays them out in 48 or 32
columns with amounts never cut. No Qt, no store: pure mapping, safe on any thread.
"""

from __future__ import annotations

from typing import Any

from hardware.receipt.document import Language
from hardware.receipt.formatting import format_money, local_time_text
from hardware.receipt.slip import SlipDocument, SlipRow
from pos.domain.till_day import DayFigures
from pos.domain.vat import rate_label
from pos.services import till_records
from pos.services.receipts import vat_letter

LABELS: dict[str, dict[str, str]] = {
    "fr": {
        "x_title": "TICKET X",
        "z_title": "CLÔTURE Z",
        "terminal": "Caisse {terminal}",
        "opened": "Ouverte le {time} par {name}",
        "x_at": "Édité le {time} (lecture, sans clôture)",
        "closed": "Clôturée le {time} par {name}",
        "sales": "Ventes",
        "sales_total": "Total des ventes TTC",
        "discounts": "Remises accordées",
        "returns": "Retours",
        "returns_total": "Total des retours TTC",
        "refunds": "Remboursements",
        "by_tender": "Par moyen de paiement",
        "by_cashier": "Par caissier",
        "by_vat": "Par taux de TVA",
        "vat_row": "{rate} : HT {base}, TVA {vat}",
        "cash": "Espèces",
        "float": "Fond de caisse",
        "cash_taken": "Encaissé en espèces",
        "change": "Rendu",
        "cash_refunded": "Remboursé en espèces",
        "cash_in": "Entrées d'espèces",
        "cash_out": "Sorties d'espèces",
        "cash_expected": "Espèces attendues",
        "count": "Comptage",
        "expected": "  attendu",
        "counted": "  compté",
        "difference": "  écart",
        "total_difference": "Écart total",
        "approved": "Écart approuvé par un responsable",
        "sealed": "Clôture n° {seq} scellée, signature {excerpt}",
        "none": "aucune",
    },
    "en": {
        "x_title": "X REPORT",
        "z_title": "Z CLOSURE",
        "terminal": "Till {terminal}",
        "opened": "Opened {time} by {name}",
        "x_at": "Printed {time} (reading, not a closure)",
        "closed": "Closed {time} by {name}",
        "sales": "Sales",
        "sales_total": "Sales total",
        "discounts": "Discounts given",
        "returns": "Returns",
        "returns_total": "Returns total",
        "refunds": "Refunds",
        "by_tender": "By tender",
        "by_cashier": "By cashier",
        "by_vat": "By VAT rate",
        "vat_row": "{rate}: net {base}, VAT {vat}",
        "cash": "Cash",
        "float": "Opening float",
        "cash_taken": "Cash taken",
        "change": "Change given",
        "cash_refunded": "Cash refunded",
        "cash_in": "Cash in",
        "cash_out": "Cash out",
        "cash_expected": "Cash expected",
        "count": "Count",
        "expected": "  expected",
        "counted": "  counted",
        "difference": "  over/short",
        "total_difference": "Total difference",
        "approved": "Difference approved by a manager",
        "sealed": "Closure no. {seq} sealed, signature {excerpt}",
        "none": "none",
    },
}
TENDERS: dict[str, dict[str, str]] = {
    "fr": {
        "cash": "Espèces",
        "card": "Carte bancaire",
        "cheque": "Chèque",
        "meal_voucher": "Titres-restaurant",
        "voucher": "Bon d'achat",
        "gift_card": "Carte cadeau",
        "credit_note": "Avoir",
        "loyalty": "Points fidélité",
    },
    "en": {
        "cash": "Cash",
        "card": "Card",
        "cheque": "Cheque",
        "meal_voucher": "Meal vouchers",
        "voucher": "Voucher",
        "gift_card": "Gift card",
        "credit_note": "Credit note",
        "loyalty": "Loyalty points",
    },
}


def _lang(language: str) -> Language:
    return "en" if language == "en" else "fr"


def tender_label(tender: str, language: str = "fr") -> str:
    return TENDERS[_lang(language)].get(tender, tender)


def x_record(figures: DayFigures) -> dict[str, Any]:
    """An X as the same record shape a Z has (its session's header and figures)."""
    return {
        **till_records.opened(figures.session),
        **till_records.figures(figures),
        "at": figures.at,
    }


def x_report_slip(figures: DayFigures, language: str = "fr") -> SlipDocument:
    lang = _lang(language)
    record = x_record(figures)
    subtitle = (
        *_header(record, lang),
        LABELS[lang]["x_at"].format(time=local_time_text(record["at"])),
    )
    return SlipDocument(
        title=LABELS[lang]["x_title"],
        subtitle=subtitle,
        rows=_figure_rows(record, lang),
        totals=_cash_rows(record, lang),
        language=lang,
    )


def z_report_slip(report: dict[str, Any], language: str = "fr") -> SlipDocument:
    lang = _lang(language)
    label = LABELS[lang]
    closed = label["closed"].format(
        time=local_time_text(report["closed_at"]), name=report["closed_by"]["name"]
    )
    totals = [*_cash_rows(report, lang), SlipRow(""), SlipRow(label["count"], bold=True)]
    for row in report["counted"]:
        totals += [
            SlipRow(tender_label(row["tender"], lang)),
            SlipRow(label["expected"], format_money(row["expected_cents"])),
            SlipRow(label["counted"], format_money(row["counted_cents"])),
            SlipRow(label["difference"], _signed(row["difference_cents"])),
        ]
    totals.append(
        SlipRow(label["total_difference"], format_money(report["difference_cents"]), bold=True)
    )
    footer: tuple[str, ...] = (label["approved"],) if report.get("approval_id") else ()
    if report.get("sealed"):  # the Z's entry in the signed closures chain
        footer += (label["sealed"].format(**report["sealed"]),)
    return SlipDocument(
        title=label["z_title"],
        subtitle=(*_header(report, lang), closed),
        rows=_figure_rows(report, lang),
        totals=tuple(totals),
        footer=footer,
        language=lang,
    )


def _header(record: dict[str, Any], lang: Language) -> tuple[str, ...]:
    label = LABELS[lang]
    opened = label["opened"].format(
        time=local_time_text(record["opened_at"]), name=record["opened_by"]["name"]
    )
    return (label["terminal"].format(terminal=record["terminal_id"]), opened)


def _figure_rows(record: dict[str, Any], lang: Language) -> tuple[SlipRow, ...]:
    label = LABELS[lang]
    rows = [
        SlipRow(label["sales"], str(record["sales_count"])),
        SlipRow(label["sales_total"], format_money(record["sales_total_cents"]), bold=True),
        SlipRow(label["discounts"], format_money(record["discount_cents"])),
        *_return_rows(record, lang),
        SlipRow(""),
        SlipRow(label["by_tender"], bold=True),
    ]
    rows += [_tender_row(t, lang) for t in record["by_tender"]] or [SlipRow(label["none"])]
    if record.get("refunds_by_tender"):
        rows += [SlipRow(""), SlipRow(label["refunds"], bold=True)]
        rows += [_tender_row(t, lang, -1) for t in record["refunds_by_tender"]]
    rows += [SlipRow(""), SlipRow(label["by_cashier"], bold=True)]
    rows += [
        SlipRow(f"{c['cashier']} ({c['sales']})", format_money(c["total_cents"]))
        for c in record["by_cashier"]
    ] or [SlipRow(label["none"])]
    rows += [SlipRow(""), SlipRow(label["by_vat"], bold=True)]
    rows += [
        SlipRow(
            label["vat_row"].format(
                rate=f"{vat_letter(v['vat_bp'])} {rate_label(v['vat_bp'], lang)}".strip(),
                base=format_money(v["base_cents"]),
                vat=format_money(v["vat_cents"]),
            ),
            format_money(v["total_cents"]),
        )
        for v in record["by_vat"]
    ] or [SlipRow(label["none"])]
    return tuple(rows)


def _return_rows(record: dict[str, Any], lang: Language) -> tuple[SlipRow, ...]:
    """Returns apart from sales, only on a day that had some (older Zs lack the keys)."""
    if not record.get("returns_count"):
        return ()
    label = LABELS[lang]
    return (
        SlipRow(label["returns"], str(record["returns_count"])),
        SlipRow(label["returns_total"], _signed(-record["returns_total_cents"]), bold=True),
    )


def _tender_row(t: dict[str, Any], lang: Language, sign: int = 1) -> SlipRow:
    amount = format_money(t["amount_cents"]) if sign > 0 else _signed(-t["amount_cents"])
    return SlipRow(f"{tender_label(t['tender'], lang)} ({t['payments']})", amount)


def _cash_rows(record: dict[str, Any], lang: Language) -> tuple[SlipRow, ...]:
    label = LABELS[lang]
    refunded = sum(
        t["amount_cents"] for t in record.get("refunds_by_tender", ()) if t["tender"] == "cash"
    )
    return (
        SlipRow(label["cash"], bold=True),
        SlipRow(label["float"], format_money(record["float_cents"])),
        SlipRow(label["cash_taken"], format_money(record["cash_tendered_cents"])),
        SlipRow(label["change"], _signed(-record["change_cents"])),
        *((SlipRow(label["cash_refunded"], _signed(-refunded)),) if refunded else ()),
        SlipRow(label["cash_in"], format_money(record["cash_in_cents"])),
        SlipRow(label["cash_out"], _signed(-record["cash_out_cents"])),
        SlipRow(label["cash_expected"], format_money(record["cash_expected_cents"]), bold=True),
    )


def _signed(cents: int) -> str:
    return ("+" if cents > 0 else "") + format_money(cents)
