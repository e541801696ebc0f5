"""Pure rules of the store: money, VAT, basket, tenders. No Qt, no SQL, no I/O."""

from pos.domain._native import extend

extend(__path__, __name__)  # the compiled pricing modules, when built from these sources
