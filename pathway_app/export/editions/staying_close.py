"""The Staying Close plan: the young person, the children's home they are moving on from (each
member of staff who stays involved, and its registered manager), the personal adviser and the
local authority.

Built from the plan *as the key worker may see it* (:func:`pathway_app.domain.audiences.view`).
The plan printed is the one in force, else the draft being written, else the newest (an ended
plan is printed as a record, never as a form to sign); or the version asked for.
"""

from __future__ import annotations

from collections.abc import Sequence
from datetime import date

from ...domain import agreements as ag
from ...domain.audiences import view
from ...domain.labels import label
from ...domain.model import Plan, StayingCloseAgreement
from ...domain.wording import pronouns
from ..blocks import agreement_signing, agreement_state, agreement_versions, first_name, fmt_date, key_values
from ..model import Block, Callout, Para, Quote, Section, Table

TITLE = "Staying Close plan"
KIND = ag.STAYING_CLOSE


def build(plan: Plan, today: date, prompts: Sequence | None = None, *, agreement: str | None = None
          ) -> tuple[list[Block], list[Section]]:
    """The first page and the parts of the plan (``prompts`` are not shown)."""
    shown = view(plan, "key_worker").plan
    sc = shown.staying_close
    if agreement:
        a = next((x for x in sc.agreements if x.id == agreement), None)
        if a is None:
            raise ValueError("that Staying Close plan is not in the plan, or the key worker may not see it")
    else:
        a = sc.current() or sc.latest()
    fn = first_name(shown)
    p = pronouns(shown.person.pronouns)
    if a is None:
        return [Para(f"This is the Staying Close plan for {shown.person.display_name}.", "lead")], [_not_recorded(fn)]
    home = a.home_name.strip() or "the children's home"
    cover: list[Block] = [
        Para(f"This is the Staying Close plan between {shown.person.display_name}, {home} and "
             f"{a.authority.strip() or 'the local authority'}. It says where {fn} will live, which staff from {home} "
             f"stay in {p.possessive} life, when {p.subject} can come back, and the support {p.subject} "
             f"{p.verb('has', 'have')} until {p.subject} {p.verb('is', 'are')} ready to manage on {p.possessive} own.",
             "lead"),
        Para("Staying Close is for young people leaving a children's home: a home of their own near the home they "
             "are leaving, and the people there they trust still in their life, usually to 21."),
        agreement_state(shown, KIND, a),
        key_values([
            ("Version", str(a.version)),
            ("Where it is", label(a.status)),
            ("Starts", fmt_date(a.start)),
            ("Ends", fmt_date(a.end)),
            ("Review date", fmt_date(a.review_date)),
        ], keep_empty=True, empty="Not agreed yet"),
    ]
    sections = [
        _parties(shown, a),
        _new_home(a),
        _staff(a),
        _responsibilities(a, fn),
        _come_back(a, fn),
        _support(a),
        _dates(a),
        _ending(a),
    ]
    versions = agreement_versions(KIND, sc.agreements, a)
    if versions is not None:
        sections.append(versions)
    sections.append(agreement_signing(shown, KIND, a, "We agree to this Staying Close plan."))
    return cover, sections


def _not_recorded(fn: str) -> Section:
    s = Section("The plan", "arrangement")
    s.blocks.append(Callout(f"No Staying Close plan is written yet. Talk about it with {fn} and the children's home, "
                            "and write the plan together; it will be made ready to sign from what is written.",
                            "Not written yet", tone="missing"))
    return s


def _parties(plan: Plan, a: StayingCloseAgreement) -> Section:
    p = plan.person
    rows: list[tuple[str, str, str]] = [("Young person", p.display_name, " · ".join(x for x in (p.phone, p.email) if x))]
    rows.append(("The children's home", a.home_name, a.home_contact))
    rows.append(("Registered manager", a.manager_name, ""))
    rows.append(("Personal adviser", a.worker_name, a.worker_contact))
    rows.append(("The local authority", a.authority, a.authority_contact))
    s = Section(ag.PARTS[KIND][0].heading, "parties", [Table(("Who", "Name", "Contact"), rows, (0.34, 0.33, 0.33))])
    if a.young_person_words.strip():
        fn = first_name(plan)
        s.blocks.append(Quote(a.young_person_words, fn, f"What Staying Close means to {fn}"))
    return s


def _new_home(a: StayingCloseAgreement) -> Section:
    return Section(ag.PARTS[KIND][1].heading, "new-home", [key_values([
        ("Where", a.new_home), ("How near the children's home", a.distance),
    ], keep_empty=True, empty="Not agreed yet")])


def _staff(a: StayingCloseAgreement) -> Section:
    rows = [(s.name, s.role, s.how_keep_in_touch, s.how_often, s.phone) for s in a.staff]
    blocks: list[Block] = [Table(("Name", "Role", "How they stay involved", "How often", "Phone"), rows,
                                 (0.18, 0.16, 0.32, 0.16, 0.18), empty="No staff named yet.")]
    if a.basket_of_hours.strip():
        blocks.append(key_values([("Basket of hours", a.basket_of_hours)]))
    return Section(ag.PARTS[KIND][2].heading, "staff", blocks)


def _responsibilities(a: StayingCloseAgreement, fn: str) -> Section:
    return Section(ag.PARTS[KIND][3].heading, "responsibilities", [key_values([
        (fn, a.young_person_responsibilities),
        (a.home_name.strip() or "The children's home", a.home_responsibilities),
        (a.worker_name.strip() or "The personal adviser", a.worker_responsibilities),
        (a.authority.strip() or "The local authority", a.authority_responsibilities),
    ], keep_empty=True, empty="Not agreed yet")])


def _come_back(a: StayingCloseAgreement, fn: str) -> Section:
    s = Section(ag.PARTS[KIND][4].heading, "come-back", [key_values([
        ("For meals", a.come_back_meals),
        ("For activities", a.come_back_activities),
        ("For birthdays and celebrations", a.come_back_celebrations),
        ("When things are hard", a.come_back_hard_times),
    ], keep_empty=True, empty="Not agreed yet")])
    if a.come_back_notes.strip():
        s.blocks.append(Para(a.come_back_notes))
    if a.come_back_words.strip():
        s.blocks.append(Quote(a.come_back_words, fn, f"Coming back, in {fn}'s words"))
    return s


def _support(a: StayingCloseAgreement) -> Section:
    return Section(ag.PARTS[KIND][5].heading, "support", [key_values([
        ("Who to call out of hours", a.out_of_hours),
        ("Support towards independence", a.independence_support),
    ], keep_empty=True, empty="Not agreed yet")])


def _dates(a: StayingCloseAgreement) -> Section:
    return Section(ag.PARTS[KIND][6].heading, "dates", [key_values([
        ("Starts", fmt_date(a.start)), ("Ends", fmt_date(a.end)), ("Review date", fmt_date(a.review_date)),
    ], keep_empty=True, empty="Not agreed yet")])


def _ending(a: StayingCloseAgreement) -> Section:
    return Section(ag.PARTS[KIND][7].heading, "ending", [key_values([
        ("If we disagree", a.disagreements), ("How it ends, and what follows", a.ending),
    ], keep_empty=True, empty="Not agreed yet")])
