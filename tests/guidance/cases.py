"""For every rule: a change to the complete plan that raises it, and a close one that does not.

Keyed by rule id; ``test_rules.py`` checks the keys match the rule files exactly, so a new rule
without a case fails. Each side is ``(change, today)``: ``change(plan)`` edits the complete plan
from :mod:`.builders`; ``today`` defaults to ``builders.TODAY`` (1 June 2026, Kai is 17).
For a per-area rule, ``expect`` names the prompt id the raising change must produce.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import date

from pathway_app.domain.model import (
    Action,
    AdviserPeriod,
    ImmigrationMatter,
    LifeStoryEntry,
    Money,
    Plan,
    Relationship,
    Signature,
)
from pathway_app.domain.vocab import (
    ActionStatus,
    AgreementStatus,
    Area,
    ContactFrequency,
    Decision,
    EetStatus,
    HomeRegistration,
    HomeType,
    ImmigrationStatus,
    LifeStoryKind,
    Parenting,
    Party,
    RelationshipStatus,
    RelationshipType,
    SkillLevel,
    ThereAt25,
)

from .builders import TODAY, rel

Change = Callable[[Plan], None]


@dataclass
class Case:
    raises: Change
    quiet: Change
    raises_on: date = TODAY
    quiet_on: date = TODAY
    expect: str = ""  # prompt id when it is not the rule id (per-area rules)
    notes: str = field(default="", repr=False)


def _all(*changes: Change) -> Change:
    def run(plan: Plan) -> None:
        for c in changes:
            c(plan)

    return run


def _staying_put_ends(when: date) -> Change:
    """The Living Together Agreement being written ends on ``when``."""

    def run(plan: Plan) -> None:
        plan.staying_put.current().end = when

    return run


def _staying_put_signed(on: date) -> Change:
    """The Living Together Agreement being written is signed on ``on``."""

    def run(plan: Plan) -> None:
        a = plan.staying_put.current()
        a.status, a.agreed_on = AgreementStatus.AGREED, on
        a.signatures = [Signature(Party.YOUNG_PERSON, "Kai Test", on)]

    return run


def _staying_put_review(when: date) -> Change:
    def run(plan: Plan) -> None:
        plan.staying_put.current().review_date = when

    return run


def _set(obj_path: str, value) -> Change:
    """_set("home.current_type", HomeType.KINSHIP)"""

    def run(plan: Plan) -> None:
        *head, last = obj_path.split(".")
        obj = plan
        for p in head:
            obj = getattr(obj, p)
        setattr(obj, last, value)

    return run


def _rel(name: str, **kw) -> Change:
    def run(plan: Plan) -> None:
        r = rel(plan, name)
        for k, v in kw.items():
            setattr(r, k, v)

    return run


def _every_rel(**kw) -> Change:
    def run(plan: Plan) -> None:
        for r in plan.relationships:
            for k, v in kw.items():
                setattr(r, k, v)

    return run


def _drop(*names: str) -> Change:
    def run(plan: Plan) -> None:
        plan.relationships = [r for r in plan.relationships if r.name not in names]

    return run


def _add_rel(**kw) -> Change:
    return lambda plan: plan.relationships.append(Relationship(**kw))


def _move(kind: HomeType | None, when: date | None) -> Change:
    return _all(_set("home.planned_type", kind), _set("home.planned_move_date", when))


def _area(code: Area, **kw) -> Change:
    def run(plan: Plan) -> None:
        sa = plan.area(code)
        for k, v in kw.items():
            setattr(sa, k, v)

    return run


def _advisers(*periods: AdviserPeriod) -> Change:
    return _set("advisers", list(periods))


def _skill(level: SkillLevel) -> Change:
    def run(plan: Plan) -> None:
        plan.skills[0].level = level

    return run


INDEPENDENT = HomeType.SEMI_INDEPENDENT

CASES: dict[str, Case] = {
    # ---- relationships
    "M1-no-one-at-25": Case(
        raises=_all(_every_rel(there_at_25=ThereAt25.MAYBE), _rel("Ravi", there_at_25=ThereAt25.YES)),
        quiet=_all(_every_rel(there_at_25=ThereAt25.MAYBE), _rel("Mum", there_at_25=ThereAt25.YES)),
        notes="a professional marked 'yes' does not count; a parent does",
    ),
    "M1-at-25-not-in-plan": Case(
        raises=_every_rel(in_support_plan=False),
        quiet=_all(_every_rel(in_support_plan=False), _rel("Pat", in_support_plan=True)),
    ),
    "M2-ending-no-keep-in-touch": Case(
        raises=_rel("Mum", status=RelationshipStatus.ENDING),
        quiet=_rel("Mum", status=RelationshipStatus.ENDING, keep_in_touch_plan="Phone calls on Sundays"),
    ),
    "M2-move-keep-carers": Case(
        raises=_all(_move(HomeType.SUPPORTED_LODGINGS, date(2026, 9, 1)), _rel("Pat", keep_in_touch_plan="")),
        quiet=_rel("Pat", keep_in_touch_plan=""),
        notes="no move planned: nothing to keep in touch across",
    ),
    "M3-sibling-contact": Case(
        raises=_rel("Jade", contact_frequency=ContactFrequency.RARELY),
        quiet=_rel("Jade", contact_frequency=ContactFrequency.RARELY, keep_in_touch_plan="Monthly visits, travel paid"),
    ),
    "M4-no-family": Case(raises=_drop("Jade", "Mum"), quiet=_drop("Jade")),
    "M5-what-they-bring": Case(
        raises=_rel("Mum", what_they_bring=""),
        quiet=_rel("Mum", what_they_bring="", status=RelationshipStatus.ENDED),
    ),
    "M6-only-professionals": Case(
        raises=_drop("Jade", "Mum", "Pat"),
        quiet=_all(_drop("Jade", "Mum", "Pat"), _add_rel(name="Lee", relationship_type=RelationshipType.FRIEND)),
    ),
    "M7-pa-changes": Case(
        raises=_advisers(
            AdviserPeriod(name="A", start=date(2025, 4, 1), end=date(2025, 8, 1), handover_notes="met"),
            AdviserPeriod(name="B", start=date(2025, 8, 1), end=date(2026, 1, 1), handover_notes="met"),
            AdviserPeriod(name="C", start=date(2026, 1, 1), handover_notes="met"),
        ),
        quiet=_advisers(
            AdviserPeriod(name="A", start=date(2025, 4, 1), end=date(2025, 6, 1), handover_notes="met"),
            AdviserPeriod(name="B", start=date(2025, 6, 1), end=date(2026, 1, 1), handover_notes="met"),
            AdviserPeriod(name="C", start=date(2026, 1, 1), handover_notes="met"),
        ),
        notes="B started exactly 12 months ago: only one change within the last 12 months",
    ),
    "M7-no-handover": Case(
        raises=_advisers(
            AdviserPeriod(name="A", start=date(2025, 4, 1), end=date(2026, 1, 1)),
            AdviserPeriod(name="B", start=date(2026, 1, 1)),
        ),
        quiet=_advisers(
            AdviserPeriod(name="A", start=date(2025, 4, 1), end=date(2026, 1, 1)),
            AdviserPeriod(name="B", start=date(2026, 1, 1), handover_notes="Joint visit on 3 January"),
        ),
    ),
    # ---- home
    "M8-staying-put": Case(
        raises=_set("staying_put.decision", Decision.DISCUSSING),
        quiet=_set("staying_put.decision", Decision.NOT_WANTED),
    ),
    "M9-staying-close": Case(
        raises=_all(_set("home.current_type", HomeType.RESIDENTIAL), _drop("Pat")),
        quiet=_all(
            _set("home.current_type", HomeType.RESIDENTIAL),
            _drop("Pat"),
            _add_rel(name="Dee", relationship_type=RelationshipType.RESIDENTIAL_KEY_WORKER),
        ),
    ),
    "M10-move-at-18": Case(
        raises=_move(HomeType.SUPPORTED_LODGINGS, date(2027, 6, 15)),
        quiet=_move(HomeType.SUPPORTED_LODGINGS, date(2027, 6, 16)),
        notes="18th birthday 15 March 2027: three months after it is 15 June",
    ),
    "M11-independent-under-18": Case(
        raises=_set("home.current_type", INDEPENDENT),
        quiet=_set("home.current_type", INDEPENDENT),
        quiet_on=date(2027, 3, 15),
    ),
    "M11-planned-independent-under-18": Case(
        raises=_move(HomeType.OWN_TENANCY, date(2027, 3, 14)),
        quiet=_move(HomeType.OWN_TENANCY, date(2027, 3, 15)),
    ),
    "M12-no-fallback": Case(
        raises=_all(_move(HomeType.SUPPORTED_LODGINGS, date(2026, 9, 1)), _set("contingency.fallback_home", "")),
        quiet=_all(
            _move(HomeType.SUPPORTED_LODGINGS, date(2026, 9, 1)),
            _set("contingency.fallback_home", ""),
            _set("home.fallback", "Pat will keep the room for three months"),
        ),
    ),
    "M13-return-home-support": Case(
        raises=_set("return_home.returned_on", date(2026, 5, 1)),
        quiet=_all(_set("return_home.returned_on", date(2026, 5, 1)),
                   _set("return_home.support", "Weekly visits from Ravi; family support worker"),
                   _set("return_home.support_until", date(2026, 11, 1))),
        notes="support recorded to the end of the six months after going back",
    ),
    "M13-return-to-family": Case(
        raises=_set("home.planned_type", HomeType.WITH_PARENT),
        quiet=_set("home.planned_type", HomeType.SUPPORTED_LODGINGS),
    ),
    "M25-kinship-care": Case(
        raises=_set("home.current_type", HomeType.KINSHIP),
        quiet=_set("home.current_type", HomeType.KINSHIP),
        quiet_on=date(2025, 3, 14),
        notes="the day before the 16th birthday",
    ),
    # ---- identity
    "M14-life-story": Case(
        raises=_set("life_story", []),
        quiet=_set("life_story", [LifeStoryEntry(title="A photo of Jade and me", kind=LifeStoryKind.PHOTO)]),
    ),
    "M15-identity-unrecorded": Case(
        raises=_all(
            _set("identity.own_words", ""),
            _set("identity.ethnicity", ""),
            _set("identity.languages", ""),
        ),
        quiet=_all(_set("identity.own_words", ""), _set("identity.ethnicity", "")),
    ),
    "M15-identity-own-view": Case(
        raises=_all(_set("identity.own_words", ""), _set("identity.recorded_with_young_person", False)),
        quiet=_set("identity.own_words", ""),
    ),
    # ---- education, skills, money
    "M16-neet": Case(raises=_set("education.status", EetStatus.NEET), quiet=_set("education.status", EetStatus.TRAINING)),
    "M16-higher-education": Case(
        raises=_all(_set("education.status", EetStatus.UNIVERSITY), _set("education.year_round_housing", None), _set("education.bursary", True)),
        quiet=_all(_set("education.status", EetStatus.UNIVERSITY), _set("education.year_round_housing", True), _set("education.bursary", False)),
    ),
    "M17-practical-skills": Case(
        raises=_skill(SkillLevel.NOT_STARTED),
        quiet=_skill(SkillLevel.NOT_STARTED),
        quiet_on=date(2026, 3, 14),
        notes="a year before the 18th birthday is 15 March 2026",
    ),
    "M18-finance-empty": Case(
        raises=_set("money", Money()),
        quiet=_set("money", Money()),
        raises_on=date(2026, 9, 15),
        quiet_on=date(2026, 9, 14),
    ),
    "M18-local-offer": Case(
        raises=_set("money.local_offer_explained_on", None),
        quiet=_set("money.local_offer_explained_on", None),
        raises_on=date(2026, 3, 15),
        quiet_on=date(2026, 3, 14),
    ),
    # ---- health
    "M19-emotional-wellbeing": Case(
        raises=_set("health.emotional_wellbeing", ""),
        quiet=_all(
            _set("health.emotional_wellbeing", ""),
            _set("health.physical", ""),
            _set("health.services", ""),
            _set("health.gp_registered", None),
        ),
    ),
    "M20-mental-health-adult-services": Case(
        raises=_set("health.mental_health_need", True),
        quiet=_all(_set("health.mental_health_need", True), _set("health.adult_services_transition", "Referred to the adult team")),
    ),
    # ---- voice
    "M21-own-voice": Case(
        raises=_area(Area.EDUCATION, own_words=""),
        quiet=_area(Area.IDENTITY, own_words=""),
        expect="M21-own-voice:education",
        notes="identity's own words are also taken from the identity record",
    ),
    "M22-strengths": Case(
        raises=_all(_set("person.strengths", ""), _set("person.achievements", "")),
        quiet=_all(
            _set("person.strengths", ""),
            _set("person.achievements", ""),
            lambda p: p.life_story.append(LifeStoryEntry(title="Won the cup", kind=LifeStoryKind.ACHIEVEMENT)),
        ),
    ),
    # ---- particular circumstances
    "M23-young-parent": Case(
        raises=_set("person.parenting", Parenting.EXPECTING),
        quiet=_set("person.parenting_notes", "Would like children one day"),
    ),
    "M24-immigration": Case(
        raises=_set("immigration", [ImmigrationMatter(status=ImmigrationStatus.ASYLUM_CLAIM_PENDING, since=date(2025, 1, 6))]),
        quiet=_set("immigration", [
            ImmigrationMatter(status=ImmigrationStatus.ASYLUM_CLAIM_PENDING, since=date(2025, 1, 6), until=date(2026, 2, 1)),
            ImmigrationMatter(status=ImmigrationStatus.REFUGEE, since=date(2026, 2, 2)),
        ]),
        notes="the claim was decided: refugee status since",
    ),
    "M26-youth-justice": Case(
        raises=_set("person.youth_justice", True),
        quiet=_set("person.youth_justice_notes", "No involvement"),
    ),
    # ---- statutory
    "S-needs-assessment-overdue": Case(
        raises=_set("needs_assessment_done_on", None),
        quiet=_set("needs_assessment_done_on", None),
        raises_on=date(2025, 6, 16),
        quiet_on=date(2025, 6, 15),
        notes="eligible on the 16th birthday (15 March 2025): due three months later",
    ),
    "S-review-overdue": Case(
        raises=lambda p: None,
        quiet=lambda p: None,
        raises_on=date(2026, 9, 2),
        quiet_on=date(2026, 9, 1),
        notes="last review 1 March 2026: due 1 September 2026",
    ),
    "S-review-due-soon": Case(
        raises=lambda p: None,
        quiet=lambda p: None,
        raises_on=date(2026, 8, 1),
        quiet_on=date(2026, 7, 31),
    ),
    "S-area-no-actions": Case(
        raises=_area(Area.FINANCE, actions=[]),
        quiet=_area(Area.FINANCE, actions=[Action(what="Open a bank account", status=ActionStatus.DONE)]),
        expect="S-area-no-actions:finance",
    ),
    "S-area-actions-incomplete": Case(
        raises=_area(Area.FINANCE, actions=[Action(what="Apply for council tax exemption", by_when=date(2026, 9, 1))]),
        quiet=_area(Area.FINANCE, actions=[Action(what="Apply for council tax exemption", status=ActionStatus.DROPPED)]),
        expect="S-area-actions-incomplete:finance",
    ),
    "S-no-contingency": Case(
        raises=_set("contingency.plan", ""),
        quiet=_set("contingency.plan", ""),
        quiet_on=date(2025, 3, 14),
    ),
    "S-staying-put-agreement-unsigned": Case(
        raises=lambda p: None,  # Staying Put agreed, the agreement still a draft, 18 in ten weeks
        quiet=_staying_put_signed(date(2027, 1, 1)),
        raises_on=date(2027, 1, 5),
        quiet_on=date(2027, 1, 5),
    ),
    "S-agreement-review-due": Case(
        raises=_all(_staying_put_signed(date(2026, 5, 1)), _staying_put_review(date(2026, 6, 20))),
        quiet=_all(_staying_put_signed(date(2026, 5, 1)), _staying_put_review(date(2026, 9, 20))),
    ),
    "S-home-arrangement-ending": Case(
        raises=_staying_put_ends(date(2026, 12, 1)),
        quiet=_all(_staying_put_ends(date(2026, 12, 1)), _set("home.planned_description", "A flat near Pat's")),
    ),
    "S-no-personal-adviser": Case(
        raises=_advisers(AdviserPeriod(name="Ravi", start=date(2025, 4, 1), end=date(2026, 5, 31))),
        quiet=_advisers(AdviserPeriod(name="Ravi", start=date(2025, 4, 1), end=date(2026, 6, 1))),
        notes="an adviser is in post to their last day",
    ),
    "S-unregistered-accommodation": Case(
        raises=_all(_set("home.current_type", HomeType.SEMI_INDEPENDENT), _set("home.registration", HomeRegistration.UNREGISTERED)),
        quiet=_all(_set("home.current_type", HomeType.SEMI_INDEPENDENT), _set("home.registration", HomeRegistration.REGISTERED)),
    ),
    "S-support-after-21": Case(
        raises=lambda p: None,
        quiet=_set("pa_support_to_25", True),
        raises_on=date(2029, 9, 15),
        quiet_on=date(2029, 9, 15),
    ),
}
