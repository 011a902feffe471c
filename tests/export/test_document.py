"""The document model, built structurally (no rendering)."""

from __future__ import annotations

import dataclasses
from datetime import date

import pytest

from pathway_app.domain.model import Carer
from pathway_app.domain.vocab import SCHEDULE_1_AREAS, Decision, EndBasis
from pathway_app.export import model as dm
from pathway_app.export.editions import EDITIONS, build_document


def all_text(doc: dm.Document) -> str:
    """Every string anywhere in the model."""
    out: list[str] = [doc.title, doc.person_name, doc.author, doc.subject]

    def walk(x):
        if isinstance(x, str):
            out.append(x)
        elif dataclasses.is_dataclass(x) and not isinstance(x, type):
            for f in dataclasses.fields(x):
                walk(getattr(x, f.name))
        elif isinstance(x, (list, tuple)):
            for y in x:
                walk(y)
        elif isinstance(x, dict):
            for y in x.values():
                walk(y)

    walk(doc.cover)
    walk(doc.sections)
    return "\n".join(out)


@pytest.mark.parametrize("edition", list(EDITIONS))
def test_every_edition_builds_with_unique_bookmarks(plans, edition):
    doc = build_document(plans.rich_plan(), plans.TODAY, edition, prompts=[])
    keys = [s.bookmark for s in doc.sections]
    assert len(keys) == len(set(keys)) and keys
    assert doc.marking == "OFFICIAL-SENSITIVE"
    assert doc.lang == "en-GB"
    ends = [s.bookmark for s in doc.sections if s.bookmark in ("signatures", "prompts")]
    assert ends == (["signatures", "prompts"] if edition == "full" else ["signatures"])  # the appendix after signing
    assert doc.sections[-len(ends)].bookmark == "signatures"


def test_the_adviser_may_leave_the_prompts_appendix_out(plans):
    with_it = build_document(plans.rich_plan(), plans.TODAY, "full", prompts=[])
    without = build_document(plans.rich_plan(), plans.TODAY, "full", prompts=[], appendix=False)
    assert with_it.sections[-1].bookmark == "prompts" and with_it.sections[-1].title.startswith("Appendix")
    assert "prompts" not in [s.bookmark for s in without.sections]
    assert without.sections[-1].bookmark == "signatures"


def test_full_edition_has_all_ten_areas_with_words_assessment_and_actions(plans):
    plan = plans.rich_plan()
    doc = build_document(plan, plans.TODAY, "full", prompts=[])
    for n, area in enumerate(SCHEDULE_1_AREAS, 1):
        s = doc.section(f"area-{area.value}")
        assert s.title.startswith(f"{n}. ")
        quotes = [b for b in s.blocks if isinstance(b, dm.Quote)]
        assert quotes and plan.area(area).own_words.split()[0] in quotes[0].text
        tables = [b for b in s.blocks if isinstance(b, dm.Table) and b.kind == "actions"]
        assert tables and tables[0].header == ("What", "Who", "By when", "Status")
    text = all_text(doc)
    assert plans.SAFETY_NOTE in text and plans.RESTRICTION in text
    # safety notes appear ONLY in the people section
    for s in doc.sections:
        if s.bookmark != "people":
            assert plans.SAFETY_NOTE not in all_text(dm.Document("full", "", "", date.today(), 0, [s], "", ""))


def test_young_person_edition_holds_nothing_they_should_not_see(plans):
    plan = plans.rich_plan()
    doc = build_document(plan, plans.TODAY, "young-person")
    text = all_text(doc)
    assert plans.SAFETY_NOTE not in text
    assert plans.RESTRICTION not in text
    assert "07700 900123" not in text  # other people's phone numbers
    assert "Former relevant" not in text  # the category's legal wording
    titles = [s.title for s in doc.sections]
    assert "Who will help me, and by when" in titles
    assert "My timeline, 16 to 25" in titles
    # their own words come first in each area
    for area in SCHEDULE_1_AREAS:
        first = doc.section(f"area-{area.value}").blocks[0]
        assert isinstance(first, dm.Quote) and first.label == "In my words"


def _no_engine(monkeypatch, missing: str):
    """Make ``from ..domain.guidance import engine`` fail as if ``missing`` could not be found."""
    import builtins

    real = builtins.__import__

    def fake(name, globals=None, locals=None, fromlist=(), level=0):
        if fromlist and "engine" in fromlist and name.endswith("guidance"):
            raise ModuleNotFoundError(f"No module named {missing!r}", name=missing)
        return real(name, globals, locals, fromlist, level)

    monkeypatch.setattr(builtins, "__import__", fake)


def test_young_person_edition_does_not_need_the_prompt_engine(plans, monkeypatch):
    _no_engine(monkeypatch, "pathway_app.domain.guidance.engine")
    build_document(plans.rich_plan(), plans.TODAY, "young-person")


def test_missing_engine_module_gives_no_prompts(plans, monkeypatch):
    _no_engine(monkeypatch, "pathway_app.domain.guidance.engine")
    doc = build_document(plans.rich_plan(), plans.TODAY, "full")
    assert "No prompts were raised" in all_text(dm.Document("full", "", "", date.today(), 0, [doc.section("prompts")], "", ""))


def test_an_engine_that_fails_to_import_is_not_hidden(plans, monkeypatch):
    # the engine exists but one of ITS imports is missing: a bug to see, not "no prompts"
    _no_engine(monkeypatch, "some_missing_dependency")
    with pytest.raises(ImportError):
        build_document(plans.rich_plan(), plans.TODAY, "full")


def test_prompts_come_from_the_engine_when_not_given(plans):
    doc = build_document(plans.rich_plan(), plans.TODAY, "full")
    assert doc.section("prompts").blocks


def test_prompts_considered_show_what_was_done(plans):
    plan = plans.rich_plan()
    doc = build_document(plan, plans.TODAY, "full", prompts=plans.sample_prompts(plan))
    t = next(b for b in doc.section("prompts").blocks if isinstance(b, dm.Table))
    assert len(t.rows) == 2
    assert "Talked with Zoë" in t.rows[0][3] and "Jo Patel" in t.rows[0][3]
    assert t.rows[1][3] == "Not answered yet"


def test_the_staying_put_end_says_what_it_rests_on(plans):
    plan = plans.rich_plan()
    doc = build_document(plan, plans.TODAY, "staying-put")
    rows = dict(next(b for b in doc.section("dates").blocks if isinstance(b, dm.KeyValues)).rows)
    assert rows["Ends"] == "14 March 2029 (by the 21st birthday)"
    a = plan.staying_put.current()
    a.end, a.end_basis, a.course = date(2029, 6, 30), EndBasis.END_OF_COURSE, "the BA in Animation"
    rows = dict(next(b for b in build_document(plan, plans.TODAY, "staying-put").section("dates").blocks
                     if isinstance(b, dm.KeyValues)).rows)
    assert rows["Ends"].startswith("30 June 2029, at the end of the BA in Animation")


@pytest.mark.parametrize("edition,words", [("staying-put", "No Living Together Agreement is written yet"),
                                           ("staying-close", "No Staying Close plan is written yet")])
def test_unrecorded_arrangements_say_so(plans, edition, words):
    plan = plans.empty_plan()
    assert plan.staying_put.decision is Decision.NOT_DISCUSSED
    doc = build_document(plan, plans.TODAY, edition)
    assert words in all_text(doc)
    # nothing has been written, so there is nothing to sign: no signature lines under "Not written yet"
    assert "signatures" not in [s.bookmark for s in doc.sections]
    assert "will be made ready to sign" in all_text(doc)


def test_staying_put_gives_every_carer_a_line_to_sign_and_says_when_it_is_reviewed(plans):
    plan = plans.rich_plan()
    a = plan.staying_put.current()
    a.carers = [Carer(name="Hiwet Berhe", pronouns="she/her"), Carer(name="Daniel Berhe", pronouns="he/him")]
    a.review_date = date(2027, 4, 1)
    doc = build_document(plan, plans.TODAY, "staying-put")
    signers = next(b for b in doc.section("signatures").blocks if isinstance(b, dm.Signatures)).signers
    assert [n for role, n in signers if role == "Staying Put carer"] == ["Hiwet Berhe", "Daniel Berhe"]
    assert "and to review it by 1 April 2027" in all_text(doc)
    a.review_date = None
    assert "to agree a date to review it" in all_text(build_document(plan, plans.TODAY, "staying-put"))


def test_the_agreement_is_worded_for_the_people_in_it(plans):
    plan = plans.rich_plan()
    lead = build_document(plan, plans.TODAY, "staying-put").cover[0].text
    assert "between Zoë Ørsted and her Staying Put carer, Zoë Łukasz Ørsted Ștefan" in lead
    assert "now that she is 18" in lead and "the support he gives" in lead
    plan.person.pronouns = "they/them"
    plan.staying_put.current().carers.append(Carer(name="Ana Ștefan", pronouns="she/her"))
    lead = build_document(plan, plans.TODAY, "staying-put").cover[0].text
    assert "their Staying Put carers" in lead and "now that they are 18" in lead and "the support they give" in lead
    assert "their former foster carer" not in lead


def test_the_carers_copy_leaves_out_what_the_carers_may_not_see(plans):
    plan = plans.rich_plan()
    text = all_text(build_document(plan, plans.TODAY, "staying-put"))
    assert "PRACTITIONER-NOTE-5521" not in text and plan.staying_put.notes not in text
    assert plans.SAFETY_NOTE not in text and "Closeness" not in text and "There at 25" not in text
    assert "He never gives up on me." not in text  # what Zoë says about Łukasz: not shared with him


def test_staying_close_lists_staff_and_come_back(plans):
    doc = build_document(plans.rich_plan(), plans.TODAY, "staying-close")
    text = all_text(doc)
    assert "Priya Shah" in text and "Sunday lunch once a month" in text
    assert "This is a draft of version 1" in text  # it is still being talked about


def test_an_empty_plan_builds_every_edition(plans):
    for ed in EDITIONS:
        build_document(plans.empty_plan(), plans.TODAY, ed, prompts=[])


def test_unknown_edition_is_refused(plans):
    with pytest.raises(ValueError, match="unknown edition"):
        build_document(plans.rich_plan(), plans.TODAY, "summary")


def test_words_we_do_not_use(plans):
    for ed in EDITIONS:
        text = all_text(build_document(plans.rich_plan(), plans.TODAY, ed, prompts=[])).lower()
        assert "placement" not in text
        assert " case " not in text and "caseload" not in text


def test_the_young_persons_copy_shows_the_name_they_were_given_in_its_own_script(plans):
    from pathway_app.demo import demo_plans

    dawit = next(p for p in demo_plans(plans.TODAY) if p.person.family_name == "Tekle")
    rows = dict(next(b for b in build_document(dawit, plans.TODAY, "young-person").cover if isinstance(b, dm.KeyValues)).rows)
    assert rows["My name"] == "Dawit Tekle"
    assert rows["My full name"] == "ዳዊት Tekle"
    plain = plans.rich_plan()  # known by the name they were given: no second row
    rows = dict(next(b for b in build_document(plain, plans.TODAY, "young-person").cover if isinstance(b, dm.KeyValues)).rows)
    assert rows.get("My full name", "") == ""


def test_the_staying_close_signatures_name_the_key_worker_and_the_manager_from_the_staff(plans):
    from pathway_app.demo import demo_plans

    reece = next(p for p in demo_plans(plans.TODAY) if p.person.family_name == "Tanner")
    roles = {c.role: c.name for c in reece.staying_close.current().staff}
    doc = build_document(reece, plans.TODAY, "staying-close")
    signers = dict(next(b for b in doc.section("signatures").blocks if isinstance(b, dm.Signatures)).signers)
    assert signers["Key worker (children's home)"] == roles["key worker"]
    assert signers["Registered manager, Larch House"] == roles["registered manager"]
