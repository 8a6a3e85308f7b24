"""HL7 FHIR R4 out and back (docs/interop.md).

::

    bundle = myoref.fhir.bundle(kb, assessment, patient="Patient/123", date="2026-12-01")
    bundle["entry"][0]["resource"]["resourceType"]      # a dict; text=True gives JSON text
    intake = myoref.fhir.intake(kb, bundle)              # the intake it records, canonical

``assessment`` is an :class:`~myoref.Assessment`, a :class:`~myoref.Plan`, or
an assessment or plan document (dict or JSON text). The Bundle holds an
Observation per marked region (LOINC 72514-3, body site coded), the knowledge
base's Questionnaire and the answers given, and a ClinicalImpression with the
triage and the ranked candidates and their basis; for a plan, the sessions'
pain before and after, dated.
"""

from __future__ import annotations

import json
from typing import Any, Mapping, Union

from ._core import Assessment, KnowledgeBase, Plan, _fhir_bundle, _intake_from_fhir

__all__ = ["bundle", "intake"]

Document = Union[Assessment, Plan, Mapping[str, Any], str, bytes]


def _text(document: Document) -> Union[str, bytes, Mapping[str, Any]]:
    if isinstance(document, (Assessment, Plan)):
        return document.to_json()
    return document


def bundle(kb: KnowledgeBase, document: Document, *, patient: str | None = None,
           date: str | None = None, text: bool = False) -> Any:
    """The FHIR R4 Bundle of an assessment or plan: a dict, or its JSON text
    (two-space indented) with ``text=True``.

    Args:
        patient: a FHIR reference ("Patient/123") every resource's subject
            points at; None: an anonymous Patient inside the Bundle.
        date: "YYYY-MM-DD" for the assessment's observations and answers.
    Raises:
        InputError, ParseError, KnowledgeBaseMismatch, IntegrityError: as
            reading the document does; InvalidArgument for a bad date.
    """
    out = _fhir_bundle(kb, _text(document), patient, date, True)
    return out if text else json.loads(out)


def intake(kb: KnowledgeBase, bundle: Union[Mapping[str, Any], str, bytes]) -> dict:
    """The intake (canonical, a dict) recorded in a Bundle that :func:`bundle`
    (or ``myoref fhir``) wrote for an assessment: ``kb.assess(intake)`` gives
    the assessment again. Raises InputError with the Bundle's JSON path."""
    return _intake_from_fhir(kb, bundle)
