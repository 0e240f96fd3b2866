"""Evaluation: datasets, metrics and runs of apps over them (built on ``App.ask``)."""
