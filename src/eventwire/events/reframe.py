"""Stated intentions and demands are statements, not acts (the CAMEO and PLOVER convention): the one
module that recodes an act as the statement announcing, refusing or demanding it.

"Syria will send troops" is an AGREE (intent to cooperate), "Israel will strike" a THREATEN,
"Iraq will not allow inspectors" and "Iran did not agree" are REJECTs, and "the minister said
Iraq must withdraw" a REQUEST by the minister to Iraq. The act's own CAMEO code picks the
intent code through the lexicon's intent frames (root 03 intend to cooperate, 10 demand,
12 reject, 13 threaten).

Two steps, one rule: `modal_frame` reads the words on the trigger's own verb while the lexicon
classifies it ("will visit", "must release", "is ready to send", "plans to strike"); `reframe` reads
the modality of the whole clause once the coder has it (a future or obligation inherited through
the clause, reported speech, negation). The future auxiliaries of both are those of ModalityWords
(data/verbs/auxiliaries.json).
"""

from __future__ import annotations

from dataclasses import dataclass, replace
from typing import TYPE_CHECKING

from eventwire.events.lexicon import cameo_of, plover_of, quad_class_of

if TYPE_CHECKING:
    from spacy.tokens import Token

    from eventwire.events.classify import Classification
    from eventwire.events.lexicon import LexiconData
    from eventwire.events.modality import Modality, ModalityWords

# Types that already name a statement: their modality is left as a flag.
SPEECH_ACTS = frozenset({"AGREE", "REQUEST", "ACCUSE", "REJECT", "THREATEN"})
COOPERATIVE_ACTS = frozenset({"CONSULT", "SUPPORT", "COOPERATE", "AID", "CONCEDE", "RETREAT"})
CONFLICT_ACTS = frozenset({"SANCTION", "MOBILIZE", "COERCE", "ASSAULT", "PROTEST"})
_FRAMES = {"AGREE": "03", "REQUEST": "10", "REJECT": "12", "THREATEN": "13"}
_COOPERATIVE_ROOTS = frozenset({"04", "05", "06", "07", "08"})
# Material conflict: announcing it threatens.
HOSTILE_ROOTS = frozenset({"14", "15", "16", "17", "18", "19", "20"})
THREAT_FRAME = "13"
_DEMAND_FRAME = "10"
_REFUSAL_CODE = "120"  # CAMEO "reject, not specified below": PLOVER REJECT
_SHOW_OF_FORCE = "15"
# "X will impose sanctions on Y", "said it would expel the envoys": a sanction announced is the sanction
# itself, flagged as future (docs/annotation.md); told on a condition ("... if Y tests a missile") a threat
_SANCTION = "16"
_CONDITIONS = frozenset({"if", "unless"})


def modal_frame(token: Token, cameo: str, data: LexiconData, words: ModalityWords) -> tuple[str, str] | None:
    """The statement a trigger's own frame words make of its act, as (frame word, CAMEO code); None when
    they make none. 'X will visit Y', 'X is ready to send aid' announce an intent (AGREE 03x); 'X must
    release Y' is a demand (REQUEST 10x); 'X plans to strike', 'X will impose sanctions if Y ...' announce a
    hostile act: a threat (THREATEN 13x); 'X will impose sanctions' announces the sanction itself."""
    markers = [c.lower_ for c in token.children if c.dep_ == "aux"]
    if token.dep_ in ("xcomp", "ccomp") and token.head.pos_ == "ADJ":
        markers.append(token.head.lower_)  # "ready to", "willing to"
    if token.dep_ in ("xcomp", "advcl") and token.head.lemma_.lower() in data.commissives:
        markers.append(token.head.lemma_.lower())  # "plans to", "vowed to"
    root = cameo[:2]
    hostile = root in HOSTILE_ROOTS
    for marker in markers:
        if root == _SHOW_OF_FORCE and (marker in words.future_auxiliaries or marker in words.reported_future):
            continue  # "police will patrol": a plan; "is ready to send troops" is a threat
        if root == _SANCTION and (marker in words.future_auxiliaries or marker in words.reported_future) \
                and not _on_condition(token) and token.lemma_.lower() not in words.announced_boycotts:
            continue  # "will impose sanctions": announced, not threatened ("will boycott" threatens)
        if data.modals.get(marker) == _DEMAND_FRAME:
            frame_root = _DEMAND_FRAME  # "X must withdraw", "X must agree": whatever the act
        elif hostile and (marker in data.conflict_modals or marker in data.commissives):
            refused = _refused_part(token, marker, words)
            if refused is not None:
                return refused
            frame_root = THREAT_FRAME
        elif root in _COOPERATIVE_ROOTS and not nonagent_subject(token, data):
            frame_root = data.modals.get(marker, "")
        else:
            continue
        code = frame_root in data.intent and intent_code(data.intent[frame_root], cameo)
        if code:
            return marker, code
    return None


def _on_condition(token: Token) -> bool:
    """ "will impose sanctions (if) Iran tests a missile": the act depends on a clause of condition."""
    return any(c.dep_ == "advcl" and any(m.dep_ == "mark" and m.lower_ in _CONDITIONS for m in c.children)
               for c in token.children)


def _refused_part(token: Token, marker: str, words: ModalityWords) -> tuple[str, str] | None:
    """ "X will not take part in the offensive", "would not join any attack": a refusal to join the act
    (REJECT), not a threat; None for any other act."""
    if not any(c.dep_ == "neg" for c in token.children):
        return None
    part = next((c.lemma_.lower() for c in token.children if c.dep_ in ("dobj", "obj")), "")
    verb = token.lemma_.lower()
    joins = verb in words.participation_verbs or f"{verb} {part}" in words.participation_verbs
    return (f"{marker} not", _REFUSAL_CODE) if joins else None


def intent_code(frame: dict[str, str], act_cameo: str) -> str | None:
    """The code of an intent frame for an act: by its four-, three- or two-digit code."""
    return frame.get(act_cameo[:4]) or frame.get(act_cameo[:3]) or frame.get(act_cameo[:2])


def nonagent_subject(token: Token, data: LexiconData) -> bool:
    """'The deal will allow ...', 'the law is aimed at X and allows ...': a subject that is a thing or an
    occasion, not an actor (a conjoined verb shares its first verb's subject)."""
    subject = next((c for c in token.children if c.dep_ in ("nsubj", "nsubjpass")), None)
    if subject is None and token.dep_ == "conj":
        subject = next((c for c in token.head.children if c.dep_ in ("nsubj", "nsubjpass")), None)
    return subject is not None and subject.lemma_.lower() in data.nonagent_subjects


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
    if classification.cameo.startswith(_SHOW_OF_FORCE):
        return None  # "ships will patrol the strait": a deployment planned; modal_frame made the threats
    if classification.cameo.startswith(_SANCTION):
        return None  # "will cut ties with Y": a sanction announced; modal_frame made the conditional threats
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
