"""Cost, holistically: the metering ledger now; budgets and lifecycle TCO build on it."""
