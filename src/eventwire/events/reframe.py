"""Stated intentions and demands are statements, not acts (the CAMEO and PLOVER convention).

"Syria will send troops" is an AGREE (intent to cooperate), "Israel will strike" a THREATEN,
"Iraq will not allow inspectors" and "Iran did not agree" are REJECTs, and "the minister said
Iraq must withdraw" a REQUEST by the minister to Iraq. The act's own CAMEO code picks the
intent code through the lexicon's intent frames (root 03 intend to cooperate, 10 demand,
12 reject, 13 threaten).
"""

from __future__ import annotations

from dataclasses import dataclass, replace
from typing import TYPE_CHECKING

from eventwire.events.lexicon import cameo_of, plover_of, quad_class_of

if TYPE_CHECKING:
    from eventwire.events.classify import Classification
    from eventwire.events.modality import Modality

# Types that already name a statement: their modality is left as a flag.
SPEECH_ACTS = frozenset({"AGREE", "REQUEST", "ACCUSE", "REJECT", "THREATEN"})
COOPERATIVE_ACTS = frozenset({"CONSULT", "SUPPORT", "COOPERATE", "AID", "CONCEDE", "RETREAT"})
CONFLICT_ACTS = frozenset({"SANCTION", "MOBILIZE", "COERCE", "ASSAULT", "PROTEST"})
_FRAMES = {"AGREE": "03", "REQUEST": "10", "REJECT": "12", "THREATEN": "13"}


@dataclass(frozen=True)
class Reframing:
    classification: Classification
    speaker_is_source: bool  # a demand: the speaker asks, the actor of the act is asked
    reason: str


def reframe(classification: Classification, modality: Modality,
            intent_frames: dict[str, dict[str, str]]) -> Reframing | None:
    """The statement an announced, refused or demanded act amounts to; None when it is an act."""
    event_type = classification.event_type
    if modality.hypothetical:
        return None
    if modality.obliged and modality.reporter is not None:
        why = f"'{modality.reporter.text}' says it must happen: the speaker demands it"
        if event_type == "REQUEST":
            return Reframing(classification, True, why)
        return _to("REQUEST", classification, intent_frames, True, why)
    if event_type in ("AGREE", "SUPPORT") and modality.negated:
        return _to("REJECT", classification, intent_frames, False,
                   "an agreement, intent or endorsement negated ('does not support', 'did not recognize')")
    if event_type in SPEECH_ACTS or not modality.future:
        return None
    cooperative = event_type in COOPERATIVE_ACTS
    if modality.negated:
        return _to("REJECT", classification, intent_frames, False,
                   "cooperation refused for the future") if cooperative else None
    if cooperative:
        return _to("AGREE", classification, intent_frames, False, "cooperation announced for the future")
    return _to("THREATEN", classification, intent_frames, False, "a hostile act announced for the future")


def _to(event_type: str, classification: Classification, intent_frames: dict[str, dict[str, str]],
        speaker_is_source: bool, why: str) -> Reframing:
    frame = intent_frames.get(_FRAMES[event_type], {})
    act = classification.cameo
    code = frame.get(act[:3]) or frame.get(act[:2])
    plover = plover_of(code) if code else None
    if plover is None or plover[0] != event_type:
        code, plover = cameo_of(event_type), (event_type, None)
    reframed = replace(classification, event_type=plover[0], mode=plover[1], cameo=code,
                       quad_class=quad_class_of(code))
    reason = (f"{classification.event_type} (CAMEO {act}) recoded as {plover[0]} (CAMEO {code}): {why}")
    return Reframing(reframed, speaker_is_source, reason)
