"""The HTTP server: OpenAI-compatible and native endpoints over the same ``App.ask``."""
