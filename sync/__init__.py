"""The central commerce API: contract, httpx client and sync engine. No Qt widgets."""
