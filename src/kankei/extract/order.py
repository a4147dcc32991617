"""The coder's table of contents: every extraction rule, in the order it runs.

A sentence's tokens are looked up as predicates (PREDICATE_RULES decide which token governs
each); each hit becomes a draft whose argument frame the FRAME_RULES repair; CANDIDATE_RULES
then refine the draft in this order, each returning it changed, unchanged or dropped; what
is left is emitted (a source, and a target or a unilateral act, are required). SENTENCE_RULES
look at the sentence's events together, DOCUMENT_RULES at the document's.

Any rule can be switched off by its id (`kankei ingest --disable-rule ID`); `kankei rules`
lists them with their examples; bench/ablation.py measures each one."""

from __future__ import annotations

from collections.abc import Callable, Sequence

from kankei.extract.draft import Draft, Scope
from kankei.extract.frame import FRAME_RULES
from kankei.extract.predicates import PREDICATE_RULES
from kankei.extract.registry import Rule, rule
from kankei.extract.rewrites import load_rewrites
from kankei.extract.rules import (
    arguments,
    chosen,
    dates,
    drops,
    modes,
    roots,
    sources,
    targets,
    voice,
    zero,
)
from kankei.extract.statements import STATEMENT_RULES
from kankei.model import Event

Refine = Callable[[Draft, Scope, Sequence[Event]], Draft | None]

CANDIDATE_RULES: tuple[Rule[Refine], ...] = tuple(
    rule(rule_id, fn)
    for rule_id, fn in (
        # when: the event's own clause, its chain, its sentence, the sentence before
        ("date.own-clause", dates.own_clause),
        ("date.clause-chain", dates.clause_chain),
        ("date.in-sentence", dates.in_sentence),
        ("date.carried", dates.carried),
        ("date.narrative", dates.narrative),
        ("voice.passive", voice.passive),
        # who and whom, from the predicate's own frame
        ("source.passive-agent", arguments.passive_agent),
        ("target.passive-subject", arguments.passive_subject),
        ("target.passive-described", arguments.passive_described),
        ("source.passive-ni-agent", arguments.passive_ni_agent),
        ("source.subject", arguments.subject),
        ("source.agent", arguments.agent),
        ("source.nominal-genitive", arguments.nominal_genitive),
        ("source.agent-of-subject", arguments.agent_of_subject),
        ("target.case", arguments.case_target),
        ("target.light-verb-genitive", arguments.light_verb_genitive),
        ("target.nominal-patient", arguments.nominal_patient),
        ("source.partners", arguments.partners),
        ("target.agreed-act-parties", arguments.agreed_act_parties),
        ("target.referenced-act", targets.referenced_act),
        ("source.between", arguments.between),
        ("target.manner-clause", arguments.manner_clause),
        ("target.violence-locative", arguments.violence_locative),
        ("target.nested", arguments.nested),
        # sources the frame does not state
        ("source.cleft", sources.cleft),
        ("source.inherited", sources.inherited),
        ("source.comma-subject", sources.comma_subject),
        ("source.event-participants", sources.event_participants),
        ("source.named-parties", sources.named_parties),
        ("source.treaty-parties", sources.treaty_parties),
        ("source.previous-subject", sources.previous_subject),
        ("source.chosen", chosen.chosen_source),
        ("drop.publication", drops.publication),
        # targets the frame does not state
        ("target.passive-topic", targets.passive_topic),
        ("target.recall-host", targets.recall_host),
        ("target.compound", targets.compound),
        ("target.vote-body", targets.vote_body),
        ("target.joint-subjects", targets.joint_subjects),
        # what was done: negation, code rewrites, mode
        ("mode.negation", roots.negation),
        # (the code rewrites of data/rewrites.yaml, each where it runs)
        ("root.recall", roots.rewrite("root.recall")),
        ("root.against", roots.rewrite("root.against")),
        ("root.mass-killing", roots.rewrite("root.mass-killing")),
        ("root.agree-to-act", roots.rewrite("root.agree-to-act")),
        ("root.negated-entry", roots.negated_entry),
        ("root.joint-declaration", roots.rewrite("root.joint-declaration")),
        ("root.aid-dispatch", roots.rewrite("root.aid-dispatch")),
        ("root.notified-act", roots.notified_act),
        ("mode.requested", modes.requested),
        ("mode.condition", modes.condition),
        ("mode.ability", modes.ability),
        ("mode.consequence", modes.consequence),
        ("mode.markers", modes.markers),
        ("root.attempt", roots.attempt),
        ("mode.attempt", modes.attempt),
        # targets read from what the act is about, then unsaid targets
        ("target.treaty-counterparts", targets.treaty_counterparts),
        ("target.quoted", targets.quoted),
        # (after the quoted target: a declaration of war is aimed at whom it names)
        ("root.war-declared", roots.rewrite("root.war-declared")),
        ("drop.allies", drops.allies),
        ("target.chosen", chosen.chosen_target),
        ("target.zero-verbal", zero.verbal_act),
        ("target.zero-material", zero.material_act),
        ("target.unilateral", zero.unilateral),
        ("date.distributed", dates.distributed),
    )
)

# run by events.extract_events over the sentence's events, in this order
SENTENCE_RULE_IDS: tuple[str, ...] = ("drop.inferred-duplicate", *STATEMENT_RULES)
SENTENCE_RULE_EXAMPLES = {
    "drop.inferred-duplicate": "日ソ共同宣言が調印され、日ソ両国が署名した → one JPN→SUN 05: "
    "parties inferred from a name add nothing to the act stated with its parties",
    "root.threat": "米国は中国に追加関税を課すと警告した → USA→CHN 13: a warning of the "
    "speaker's own coercion is a threat",
    "root.foretold": "英国はドイツによるソ連攻撃をソ連に警告した → GBR→SUN 06: a third party's "
    "force foretold to its target is intelligence passed on",
    "root.accusation": "米国は、ソ連が米国を攻撃したと主張した → USA→SUN 11: a hostile act an "
    "actor says another did is its accusation",
    "drop.reporting-statement": "ソ連はアフガニスタンから撤退すると表明した → SUN→AFG 08 only: "
    "the act reported is coded, not the statement that reports it",
    "mode.threatened": "米国は中国に追加関税を課すと警告した → USA→CHN 16, hypothetical: what a "
    "threat announces has not happened",
}

# run by coding.Coder.code_document over each event as the document is read, in this order
DOCUMENT_RULE_IDS: tuple[str, ...] = (
    "mode.future",
    "date.same-event",
    "date.episode-year",
    "target.occupier",
    "date.article-month",
)
DOCUMENT_RULE_EXAMPLES = {
    "mode.future": "来月、米国はソ連と会談する → USA→SUN 04, future: an act dated after the "
    "document has not happened yet",
    "date.same-event": "1985年11月、米国はソ連と会談した。米国はソ連と会談していた → USA→SUN 04, "
    "1985-11 twice: an undated event the text has just told takes its date",
    "date.episode-year": "1961年6月、米ソは会談した。英国は抗議した → GBR→SUN 11, 1961: a date "
    "carried to other parties keeps only its year",
    "target.occupier": "1944年10月、米国はフィリピンに侵攻した → USA→JPN 19: an armed act against "
    "an occupied state is aimed at the occupier",
    "date.article-month": "日本は中国に援助を提供した → JPN→CHN 07, 2000-01 (the article dated to "
    "its first day): an undated act told while the narrative stands in the article's month is "
    "news of that month",
}


# run by coding.Coder on each sentence's dates before its events are read
READING_RULE_IDS: tuple[str, ...] = ("date.background", "actor.generic-organ")
READING_RULE_EXAMPLES = {
    "date.background": "1962年、米国は1947年に締結したリオ条約に基づいてキューバを封鎖した。翌年、"
    "ソ連は米国と協定を結んだ → SUN→USA 05, 1963: a date in a clause describing a treaty, an "
    "organisation or a publication tells its history; the narrative stays in 1962",
    "actor.generic-organ": "イランは反発した。イランは協議を拒んだ。イランは査察を拒否した。"
    "外務省はIAEAを非難した → IRN→UN 11: in a document about one state (named three times "
    "and twice as often as any other), an organ named without its state is that state's",
}


def all_rule_ids() -> tuple[str, ...]:
    """Every rule id, in the order the rules run."""
    return (
        *READING_RULE_IDS,
        *(r.id for r in PREDICATE_RULES),
        *(r.id for r in FRAME_RULES),
        *(r.id for r in CANDIDATE_RULES),
        *SENTENCE_RULE_IDS,
        *DOCUMENT_RULE_IDS,
    )


def rule_table() -> list[tuple[str, str]]:
    """(id, example) of every rule, in the order the rules run."""
    rewrites = load_rewrites(frozenset(roots.TESTS))
    return [
        *((i, READING_RULE_EXAMPLES[i]) for i in READING_RULE_IDS),
        *((r.id, r.example) for r in PREDICATE_RULES),
        *((r.id, r.example) for r in FRAME_RULES),
        *(
            (r.id, rewrites[r.id].example if r.id in rewrites else r.example)
            for r in CANDIDATE_RULES
        ),
        *((i, SENTENCE_RULE_EXAMPLES[i]) for i in SENTENCE_RULE_IDS),
        *((i, DOCUMENT_RULE_EXAMPLES[i]) for i in DOCUMENT_RULE_IDS),
    ]
