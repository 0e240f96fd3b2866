"""Evaluation: choosing a model (and a strategy, and a prompt) by measurement.

The room, by the question each module answers:

* ``datasets``: what do we ask? JSONL items with references, sources, labels; per-line
  errors. ``generate``: can the knowledge base write its own test set?
* ``metrics`` (the contract and the reference metrics), ``metrics_context`` (grounding,
  relevance, retrieval, abstention, guardrails), ``metrics_model`` (semantic similarity,
  LLM-as-judge): how good is one answer? ``agreement``: do the metrics agree with people?
* ``suite`` and ``candidates``: which variants of an app compete? ``runner``: run them all
  over the dataset, concurrently, cached, resumable; ``cache`` and ``store`` keep it in
  PostgreSQL.
* ``stats`` and ``report``: how sure are we, and which differences are real?
* ``load``: how much traffic can the chosen one take?

Every ask goes through the same compiled app pipeline the CLI and the server run.
"""
