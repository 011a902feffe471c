"""The Living Together Agreement (Staying Put): the young person, each of their Staying Put
carers, the personal adviser, the carers' supervising social worker and the local authority.

Built from the plan *as the foster carers may see it* (:func:`pathway_app.domain.audiences.view`):
nothing the policy keeps from them — practitioners' notes, what the young person says about
people unless they said yes — can reach the page. The agreement printed is the one in force, else
the draft being written, else the newest one (an ended agreement is printed as a record, never
as a form to sign); or the version asked for.
"""

from __future__ import annotations

from collections.abc import Sequence
from datetime import date

from ...domain import agreements as ag
from ...domain.audiences import view
from ...domain.labels import label
from ...domain.model import Plan, StayingPutAgreement
from ...domain.vocab import SIGNED_STATUSES, AgreementStatus, EndBasis, HouseRuleTopic
from ...domain.wording import capitalise, names, pronouns, together
from ..blocks import (
    agreement_signing,
    agreement_state,
    agreement_versions,
    first_name,
    fmt_date,
    key_values,
)
from ..model import Block, Callout, Para, Quote, Section, Table

TITLE = "Staying Put: Living Together Agreement"
KIND = ag.STAYING_PUT


def build(plan: Plan, today: date, prompts: Sequence | None = None, *, agreement: str | None = None
          ) -> tuple[list[Block], list[Section]]:
    """The first page and the parts of the agreement (``prompts`` are not shown)."""
    shown = view(plan, "foster_carer").plan
    sp = shown.staying_put
    a = _chosen(sp.agreements, agreement) if agreement else (sp.current() or sp.latest())
    fn = first_name(shown)
    if a is None:
        return [Para(_what_it_is(shown, None), "lead")], [_not_recorded(fn)]
    w = _Words(shown, a)
    cover: list[Block] = [
        Para(_what_it_is(shown, a), "lead"),
        Para(f"Staying Put means a young person can go on living with their former foster carers after their "
             f"18th birthday, up to their 21st birthday or the end of a course that runs on, with the local "
             f"authority's support (Children Act 1989, section 23CZA). This agreement takes the place of the foster "
             f"care plan and goes with {fn}'s pathway plan."),
        agreement_state(shown, KIND, a),
        key_values([
            ("Version", str(a.version)),
            ("Where it is", label(a.status)),
            ("Starts", fmt_date(a.start)),
            ("Ends", _ends(shown, a)),
            ("Review date", fmt_date(a.review_date)),
        ], keep_empty=True, empty="Not agreed yet"),
    ]
    sections = [
        _parties(shown, a, w),
        _responsibilities(a, w),
        _house_rules(a, w),
        _support(a, w),
        _money(a),
        _education_work_health(a, w),
        _dates(shown, a),
        _ending(a),
    ]
    versions = agreement_versions(KIND, sp.agreements, a)
    if versions is not None:
        sections.append(versions)
    review = f"to review it by {fmt_date(a.review_date)}" if a.review_date else "to agree a date to review it"
    sections.append(agreement_signing(shown, KIND, a, f"We agree to live together as this agreement says, and {review}."))
    return cover, sections


def _chosen(items: list[StayingPutAgreement], agreement_id: str) -> StayingPutAgreement | None:
    for a in items:
        if a.id == agreement_id:
            return a
    raise ValueError("that agreement is not in the plan, or the carers may not see it")


class _Words:
    """The names and pronouns the agreement is written with."""

    def __init__(self, plan: Plan, a: StayingPutAgreement):
        self.yp = first_name(plan)
        self.yp_pron = pronouns(plan.person.pronouns)
        carers = [c for c in a.carers if c.name.strip()]
        self.carers = names(c.name for c in carers) or "the Staying Put carers"
        firsts = [c.name.split()[0] for c in carers]
        # a first name shared with the young person or another carer would say "Zoë and Zoë": the whole name then
        self.carers_first = names(f if f != self.yp and firsts.count(f) == 1 else c.name.strip()
                                  for f, c in zip(firsts, carers)) or "the carers"
        self.carers_pron = together([c.pronouns for c in carers]) if carers else together(["", ""])
        self.one_carer = len(carers) == 1


def _what_it_is(plan: Plan, a: StayingPutAgreement | None) -> str:
    fn = first_name(plan)
    p = pronouns(plan.person.pronouns)
    if a is None:
        return (f"This is the Living Together Agreement for {plan.person.display_name}: how {fn} and {p.possessive} "
                "Staying Put carers live together after 18, with the local authority's support.")
    w = _Words(plan, a)
    carer_word = "carer" if w.one_carer else "carers"
    with_la = f", with {a.authority.strip()}" if a.authority.strip() else ", with the local authority"
    c = w.carers_pron
    if a.status in SIGNED_STATUSES and a.status is not AgreementStatus.AGREED:  # a record: the past
        return (f"This was the Living Together Agreement between {plan.person.display_name} and {p.possessive} Staying "
                f"Put {carer_word}, {w.carers}{with_la}. It said how {fn} and {w.carers_first} would live together "
                f"after {p.possessive} 18th birthday: the house rules, the support {c.subject} gave, the money and "
                "how long it lasted.")
    return (f"This is the Living Together Agreement between {plan.person.display_name} and {p.possessive} Staying Put "
            f"{carer_word}, {w.carers}{with_la}. It says how {fn} and {w.carers_first} will live together now that "
            f"{p.subject} {p.verb('is', 'are')} 18: the house rules, the support "
            f"{c.subject} {c.verb('gives', 'give')}, the money and how long it lasts.")


def _not_recorded(fn: str) -> Section:
    s = Section("The agreement", "arrangement")
    s.blocks.append(Callout(f"No Living Together Agreement is written yet. Talk about Staying Put from 16, with {fn} and "
                            "the foster carers, and write the agreement together; it will be made ready to sign "
                            "from what is written.", "Not written yet", tone="missing"))
    return s


def _ends(plan: Plan, a: StayingPutAgreement) -> str:
    if a.end is None:
        return ""
    if a.end_basis is EndBasis.END_OF_COURSE and a.course.strip():
        return f"{fmt_date(a.end)}, at the end of {a.course.strip()} (the course runs past the 21st birthday)"
    return f"{fmt_date(a.end)} ({label(a.end_basis).lower()})"


def _parties(plan: Plan, a: StayingPutAgreement, w: _Words) -> Section:
    p = plan.person
    rows: list[tuple[str, str, str]] = [("Young person", p.display_name, " · ".join(x for x in (p.phone, p.email) if x))]
    for c in a.carers:
        who = c.name + (f" ({c.pronouns})" if c.pronouns.strip() else "")
        rows.append(("Staying Put carer", who, " · ".join(x for x in (c.phone, c.email) if x)))
    rows.append(("Personal adviser or social worker", a.worker_name, a.worker_contact))
    agency = a.supervising_agency.strip()
    rows.append(("Supervising social worker" + (f" ({agency})" if agency else ""), a.supervising_name, a.supervising_contact))
    rows.append(("The local authority", a.authority, a.authority_contact))
    s = Section(ag.PARTS[KIND][0].heading, "parties",
                [Table(("Who", "Name", "Contact"), rows, (0.34, 0.33, 0.33), empty="No one is named yet.")])
    if a.young_person_words.strip():
        s.blocks.append(Quote(a.young_person_words, w.yp, f"What Staying Put means to {w.yp}"))
    if a.carers_words.strip():
        s.blocks.append(Quote(a.carers_words, w.carers_first, f"What it means to {w.carers_first}"))
    return s


def _responsibilities(a: StayingPutAgreement, w: _Words) -> Section:
    agency = a.supervising_name.strip() or a.supervising_agency.strip() or "The supervising social worker"
    rows = [
        (w.yp, a.young_person_responsibilities),
        (w.carers_first, a.carer_responsibilities),
        (a.worker_name.strip() or "The personal adviser", a.worker_responsibilities),
        (agency, a.supervising_responsibilities),
        (a.authority.strip() or "The local authority", a.authority_responsibilities),
    ]
    return Section(ag.PARTS[KIND][1].heading, "responsibilities", [key_values(rows, keep_empty=True, empty="Not agreed yet")])


def _house_rules(a: StayingPutAgreement, w: _Words) -> Section:
    s = Section(ag.PARTS[KIND][2].heading, "house-rules")
    s.blocks.append(Para(f"Most things carry on as before {w.yp}'s 18th birthday; turning 18 is the time to talk them "
                         "through together. Where a rule is the same as before, it says so.", "muted"))
    with_words = any(r.young_person_words.strip() or r.carers_words.strip() for r in a.house_rules)
    rows = []
    for r in a.house_rules:
        own = r.topic is HouseRuleTopic.OWN
        topic = r.title.strip() if own and r.title.strip() else label(r.topic)
        if r.title.strip() and not own:  # a topic named more closely
            topic += f" — {r.title.strip()}"
        agreed = r.agreed.strip() or ("Same as before 18." if r.same_as_before else "Not agreed yet.")
        if r.same_as_before and r.agreed.strip():
            agreed = "Same as before 18. " + agreed
        rows.append((topic, agreed, r.young_person_words, r.carers_words) if with_words else (topic, agreed))
    if with_words:
        header: tuple[str, ...] = ("Topic", "What we agree", f"{w.yp}'s words", f"{w.carers_first}'s words" if w.one_carer else "The carers' words")
        widths: tuple[float, ...] = (0.2, 0.4, 0.2, 0.2)
    else:
        header, widths = ("Topic", "What we agree"), (0.3, 0.7)
    s.blocks.append(Table(header, rows, widths, empty="No house rules written yet."))
    if a.house_rules_notes.strip():
        s.blocks.append(Para(a.house_rules_notes))
    return s


def _support(a: StayingPutAgreement, w: _Words) -> Section:
    s = Section(ag.PARTS[KIND][3].heading, "support", [key_values([
        ("Practical support", a.practical_support),
        ("Emotional support", a.emotional_support),
        ("Skills being built", a.skills),
    ], keep_empty=True, empty="Not agreed yet")])
    if a.support_words.strip():
        s.blocks.append(Quote(a.support_words, w.yp, f"The help {w.yp} wants, in {w.yp_pron.possessive} words"))
    return s


def _money(a: StayingPutAgreement) -> Section:
    return Section(ag.PARTS[KIND][4].heading, "money", [key_values([
        ("The authority's payment to the carers", a.carer_payment),
        ("What the young person pays", a.contribution),
        ("Where that comes from", a.contribution_from),
        ("Housing Benefit or Universal Credit housing costs", a.housing_costs),
        ("Who claims them", a.housing_costs_claimed_by),
        ("Council tax", a.council_tax),
        ("Contracts in the young person's name at this address", a.contracts),
    ], keep_empty=True, empty="Not agreed yet"), *([Para(a.money_notes)] if a.money_notes.strip() else [])])


def _education_work_health(a: StayingPutAgreement, w: _Words) -> Section:
    giver = capitalise(w.carers_first)
    return Section(ag.PARTS[KIND][5].heading, "education-work-health", [
        Para(f"What {giver} {w.carers_pron.verb('does', 'do')} to help {w.yp}:", "muted"),
        key_values([("Education", a.education_support), ("Work", a.work_support), ("Health", a.health_support)],
                   keep_empty=True, empty="Not agreed yet"),
    ])


def _dates(plan: Plan, a: StayingPutAgreement) -> Section:
    rows = [("Starts", fmt_date(a.start)), ("Ends", _ends(plan, a))]
    if a.course.strip():
        rows.append(("The course that allows a later end", a.course))
    rows += [("Review date", fmt_date(a.review_date)), ("Moving on", a.move_on)]
    return Section(ag.PARTS[KIND][6].heading, "dates", [key_values(rows, keep_empty=True, empty="Not agreed yet")])


def _ending(a: StayingPutAgreement) -> Section:
    return Section(ag.PARTS[KIND][7].heading, "ending", [key_values([
        ("If we disagree", a.disagreements),
        ("Notice either side gives", a.notice),
        ("If it ends early", a.ending_early),
    ], keep_empty=True, empty="Not agreed yet")])


__all__ = ["TITLE", "build"]
