"""The spine: compiled apps, the stages of an ask, the request context, guarded streaming.

    request (question, caller, options)
      -> input guard -> retrieve -> document guard -> fit -> generate (guarded stream)
      -> output guard -> cite -> meter -> audit

The CLI, evaluation runs and the server all drive the same :class:`CompiledApp` that the
:class:`~genaiops.runtime.Runtime` compiled once, so what was evaluated is what is served.
"""

from genaiops.apps.app import DEFAULT_STAGES, App, CompiledApp
from genaiops.apps.citations import find_citations
from genaiops.apps.metering import MeteredProvider, MeterSink
from genaiops.apps.request import AskOptions, AskRequest, AskResult, Caller, Citation
from genaiops.apps.stages import AskState, Stage, build_messages

__all__ = [
    "DEFAULT_STAGES",
    "App",
    "AskOptions",
    "AskRequest",
    "AskResult",
    "AskState",
    "Caller",
    "Citation",
    "CompiledApp",
    "MeterSink",
    "MeteredProvider",
    "Stage",
    "build_messages",
    "find_citations",
]
