"""myoref: muscles, their trigger-point referral patterns, and self-care.

myoref triages a person's pain drawing (red flags first), ranks the muscles
whose referred-pain patterns best explain it, says why for each, and sequences
a release -> stretch -> strengthen self-care plan. It does not diagnose.

A short tour::

    import myoref

    kb = myoref.KnowledgeBase.default()
    kb.muscles["gluteus_medius"]            # a Muscle; shows its pattern in Jupyter

    a = kb.assess({"pain": [{"region": "buttock_upper", "side": "left", "intensity": 6}],
                   "findings": ["walking"]})
    a.triage.level, a.top.key, a.top.basis
    a.to_dict()                             # the contract's JSON shape

    plan = myoref.Plan.start(kb, a)
    print(plan.next_step())
    plan.log({"date": "2026-11-24", "target": plan.target,
              "steps": ["release", "stretch", "strengthen"],
              "pain_before": 6, "pain_after": 4, "red_flags": []})

    scores = kb.score_batch(drawings)       # numpy (N, regions) -> (N, candidates)

Everything is computed by the C++ library; this package is a thin skin over
it. Errors are :class:`myoref.Error` subclasses (see :mod:`myoref.errors`).
"""

from __future__ import annotations

from . import choir, errors, fhir, frame, population
from ._catalog import Catalog
from ._core import (
    AgeRule,
    Assessment,
    Attachments,
    Citation,
    Decision,
    Dose,
    Exercise,
    Finding,
    FindingWeight,
    KnowledgeBase,
    Layer,
    Lookalike,
    LookalikeFeatures,
    MemberCodes,
    Muscle,
    NextStep,
    Plan,
    PlanCandidate,
    Precaution,
    PrescribedExercise,
    PrescribedStep,
    RankedCandidate,
    RedFlag,
    Region,
    Screen,
    SessionRecord,
    Statement,
    Triage,
    TriageRule,
    TriggerPoint,
    library_version,
    render_candidates,
    render_chart,
    render_intake,
    render_muscle,
    render_overlay,
    render_report,
)
from ._display import HTML, SVG
from .errors import (
    Diagnostic,
    Error,
    InputError,
    IntegrityError,
    InternalError,
    InvalidArgument,
    KnowledgeBaseMismatch,
    LimitError,
    NotFound,
    OutOfMemory,
    ParseError,
    SafetyRefusal,
    UnsupportedVersion,
)

__version__: str = library_version()

__all__ = [
    # knowledge base
    "KnowledgeBase",
    "Catalog",
    "Region",
    "Finding",
    "RedFlag",
    "AgeRule",
    "Precaution",
    "Screen",
    "TriageRule",
    "Lookalike",
    "LookalikeFeatures",
    "Citation",
    "Statement",
    "Layer",
    "Attachments",
    "MemberCodes",
    "Muscle",
    "TriggerPoint",
    "FindingWeight",
    "Exercise",
    "Dose",
    # assessment
    "Assessment",
    "Triage",
    "RankedCandidate",
    # plan
    "Plan",
    "NextStep",
    "PrescribedStep",
    "PrescribedExercise",
    "Decision",
    "SessionRecord",
    "PlanCandidate",
    # pictures
    "render_muscle",
    "render_intake",
    "render_overlay",
    "render_candidates",
    "render_report",
    "render_chart",
    "SVG",
    "HTML",
    # tables and records
    "frame",
    "fhir",
    "choir",
    "population",
    # errors
    "errors",
    "Diagnostic",
    "Error",
    "InputError",
    "ParseError",
    "LimitError",
    "InvalidArgument",
    "SafetyRefusal",
    "KnowledgeBaseMismatch",
    "IntegrityError",
    "UnsupportedVersion",
    "NotFound",
    "OutOfMemory",
    "InternalError",
    # versions
    "library_version",
    "__version__",
]

# pandas tables (myoref.frame): kb.score_frame(df), kb.assess_frame(intakes).
# pandas itself is imported only when one of them is called.
KnowledgeBase.score_frame = frame.score_frame  # type: ignore[attr-defined]
KnowledgeBase.assess_frame = frame.assess_frame  # type: ignore[attr-defined]

# The compiled classes present themselves as members of the package
# (myoref.KnowledgeBase, not myoref._core.KnowledgeBase) in reprs and help().
for _name in __all__:
    _obj = globals().get(_name)
    if isinstance(_obj, type) and _obj.__module__ == "myoref._core":
        _obj.__module__ = __name__
del _name, _obj
