"""Cost, holistically: prices and cost arithmetic, the metering ledger; budgets and
lifecycle TCO build on it. This room imports no provider code."""
