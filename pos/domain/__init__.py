"""Pure rules of the store: money, VAT, basket, tenders. No Qt, no SQL, no I/O."""
