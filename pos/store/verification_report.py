"""What ``verify`` found: per chain, its entry count and first bad entry; per store, the
tampering that no single chain shows (triggers dropped, a key central never registered).
"""

from __future__ import annotations

from dataclasses import dataclass

from pos.domain.money import format_eur

#: The name of the legacy unsigned hash journal among the chains of a report.
LEGACY = "journal"
#: The pseudo-chain of store-wide findings (immutability triggers, registered key).
STORE = "store"


@dataclass(frozen=True, slots=True)
class Finding:
    """One problem (or, with ``warning``, something to know that breaks nothing).

    ``code``: missing | reordered | inserted | edited | bad_signature | unknown_key |
    legacy_link | clock_back | deleted | unsigned_sale | ticket_gap | counter_reset |
    witness | relinked | grand_total | triggers | unregistered_key."""

    chain: str
    seq: int | None
    code: str
    reason: str
    ticket: int | None = None
    terminal: str | None = None
    warning: bool = False


@dataclass(frozen=True, slots=True)
class ChainSummary:
    """One chain as walked: ``entries`` counts the sound entries before ``problem``."""

    chain: str
    entries: int
    first_seq: int | None
    last_seq: int | None
    problem: Finding | None = None
    warnings: tuple[Finding, ...] = ()

    def line(self) -> str:
        """One line of ``comptoir verify-journal``'s listing."""
        name = "Legacy journal" if self.chain == LEGACY else f"{self.chain.capitalize()} chain"
        span = ""
        if self.first_seq is not None:
            last = f"–{self.last_seq}" if self.last_seq != self.first_seq else ""
            span = f" (seq {self.first_seq}{last})"
        verdict = "BROKEN" if self.problem else "intact"
        noun = "entry" if self.entries == 1 else "entries"
        return f"{name}: {self.entries:,} {noun}{span}, {verdict}."


@dataclass(frozen=True, slots=True)
class JournalReport:
    """The verdict of ``verify`` over the legacy journal and every chain."""

    chains: tuple[ChainSummary, ...]
    store_problems: tuple[Finding, ...]
    grand_total_cents: int

    @property
    def problems(self) -> tuple[Finding, ...]:
        found = tuple(summary.problem for summary in self.chains if summary.problem)
        return found + self.store_problems

    @property
    def warnings(self) -> tuple[Finding, ...]:
        return tuple(w for summary in self.chains for w in summary.warnings)

    @property
    def ok(self) -> bool:
        return not self.problems

    @property
    def entries(self) -> int:
        return sum(summary.entries for summary in self.chains)

    def chain(self, name: str) -> ChainSummary:
        return next(summary for summary in self.chains if summary.chain == name)

    @property
    def first_problem(self) -> Finding | None:
        return self.problems[0] if self.problems else None

    @property
    def first_bad_seq(self) -> int | None:
        return self.first_problem.seq if self.first_problem else None

    @property
    def first_bad_ticket(self) -> int | None:
        return self.first_problem.ticket if self.first_problem else None

    @property
    def first_bad_terminal(self) -> str | None:
        return self.first_problem.terminal if self.first_problem else None

    @property
    def reason(self) -> str:
        """Every problem in one paragraph, or the sentence of an intact record."""
        if self.problems:
            return " ".join(problem.reason for problem in self.problems)
        return (
            f"The journal is intact: {self.entries} entries, perpetual grand total "
            f"{format_eur(self.grand_total_cents)}."
        )

    def event_detail(self) -> dict[str, object]:
        """The ``verification_run`` event's detail: the verdict, entries per chain, and
        the first problem (code, chain, seq)."""
        first = self.first_problem
        return {
            "ok": self.ok,
            "entries": {summary.chain: summary.entries for summary in self.chains},
            "first_problem": None
            if first is None
            else {"chain": first.chain, "seq": first.seq, "code": first.code},
        }
