"""Fictional plans for the PDF tests, the samples in docs/samples and the benchmark.

Everyone here is made up. ``rich_plan`` fills every area; ``heavy_plan`` adds a 10,000-character
field, 200 people and 300 actions; ``TODAY`` is fixed so golden pages never drift.
"""

from __future__ import annotations

from datetime import UTC, date, datetime

from pathway_app.domain.model import (
    Action,
    AdviserPeriod,
    CareEpisode,
    Carer,
    HouseRule,
    LifeStoryEntry,
    Plan,
    PromptResponse,
    Relationship,
    Review,
    Signature,
    StayingCloseAgreement,
    StayingCloseContact,
    StayingPutAgreement,
)
from pathway_app.domain.vocab import (
    ActionStatus,
    AgreementStatus,
    Area,
    CareLegalStatus,
    Closeness,
    ContactFrequency,
    Decision,
    EetStatus,
    HomeType,
    HouseRuleTopic,
    LegalStatus,
    Party,
    PromptAnswer,
    RelationshipStatus,
    RelationshipType,
    SkillLevel,
    ThereAt25,
)

TODAY = date(2026, 11, 23)

NAMES = {
    "latin": "Zoë Łukasz Ørsted Ștefan",
    "greek": "Ελένη",
    "cyrillic": "Дмитрий",
    "arabic": "مريم",
    "ethiopic": "ሰላም",
}
SAFETY_NOTE = "SAFETY-NOTE-7731: do not share the address of the new home with him."
RESTRICTION = "RESTRICTION-4410: supervised contact only, arranged by the social worker."
MARKUP_TEXT = "I typed <font size=5000> here & it stays small."


def rich_plan() -> Plan:
    p = Plan()
    p.id = "5b1e0c2a-7f3d-4a52-9a61-2f0f3f6c9d11"
    p.version = 7
    yp = p.person
    yp.given_name = "Zoë"
    yp.family_name = "Ørsted"
    yp.preferred_name = "Zoë"
    yp.pronouns = "she/her"
    yp.date_of_birth = date(2008, 3, 14)
    yp.local_authority = "Northbridge City Council"
    yp.legal_status = LegalStatus.CARE_ORDER
    yp.about_me_own_words = (
        "I'm Zoë. I love drawing comics and I'm learning to skateboard (badly). I want to be an "
        "animator one day. I get anxious when plans change without anyone telling me, so please "
        "tell me early. " + MARKUP_TEXT
    )
    yp.strengths = "Creative, loyal to my friends, good at sticking with things once I've started."
    yp.interests = "Drawing, skateboarding, cooking Danish food with Łukasz, music."
    yp.achievements = "Passed my GCSE Art with a 7. Finished a 10k run for charity."
    p.care_episodes = [
        CareEpisode(start=date(2021, 6, 1), end=date(2022, 2, 1), home_type=HomeType.RESIDENTIAL, legal_status=CareLegalStatus.ACCOMMODATED_S20, home_name="Elm House"),
        CareEpisode(start=date(2022, 2, 1), home_type=HomeType.FOSTER, legal_status=CareLegalStatus.CARE_ORDER, home_name="The Ștefan family"),
    ]
    R = Relationship
    p.relationships = [
        R(name=NAMES["latin"], relationship_type=RelationshipType.FOSTER_CARER, description="my foster dad", closeness=Closeness.VERY_CLOSE, contact_frequency=ContactFrequency.DAILY, there_at_25=ThereAt25.YES, in_support_plan=True, what_they_bring="He never gives up on me.", keep_in_touch_plan="Sunday dinners after I move.", phone="07700 900123"),
        R(name=NAMES["arabic"], relationship_type=RelationshipType.SIBLING, description="my little sister", closeness=Closeness.VERY_CLOSE, contact_frequency=ContactFrequency.WEEKLY, there_at_25=ThereAt25.YES, what_they_bring="She makes me laugh."),
        R(name=NAMES["greek"] + " Papadopoulou", relationship_type=RelationshipType.FRIEND, description="best friend from college", closeness=Closeness.VERY_CLOSE, contact_frequency=ContactFrequency.DAILY, there_at_25=ThereAt25.MAYBE),
        R(name=NAMES["cyrillic"] + " Ivanov", relationship_type=RelationshipType.FRIEND, description="skate park friend", closeness=Closeness.CLOSE, contact_frequency=ContactFrequency.WEEKLY),
        R(name=NAMES["ethiopic"] + " Bekele", relationship_type=RelationshipType.MENTOR, description="my art mentor", closeness=Closeness.CLOSE, contact_frequency=ContactFrequency.MONTHLY, there_at_25=ThereAt25.YES),
        R(name="Sam Carter", relationship_type=RelationshipType.PARENT, description="my dad", closeness=Closeness.NOT_CLOSE, contact_frequency=ContactFrequency.RARELY, safety_notes=SAFETY_NOTE, contact_restrictions=RESTRICTION),
        R(name="Jo Patel", relationship_type=RelationshipType.PERSONAL_ADVISER, description="my PA", closeness=Closeness.CLOSE, contact_frequency=ContactFrequency.MONTHLY, there_at_25=ThereAt25.MAYBE, in_support_plan=True),
        R(name="Aunt Bea", relationship_type=RelationshipType.OTHER_FAMILY, closeness=Closeness.CLOSE, contact_frequency=ContactFrequency.FEW_TIMES_A_YEAR),
        R(name="Mr Okafor", relationship_type=RelationshipType.TEACHER, description="art teacher", closeness=Closeness.NOT_CLOSE, contact_frequency=ContactFrequency.MONTHLY),
        R(name="Priya (Elm House)", relationship_type=RelationshipType.RESIDENTIAL_KEY_WORKER, description="my old key worker", closeness=Closeness.CLOSE, contact_frequency=ContactFrequency.NONE, status=RelationshipStatus.ENDED),
        R(name="Grandma Rose", relationship_type=RelationshipType.GRANDPARENT, closeness=Closeness.CLOSE, contact_frequency=ContactFrequency.MONTHLY, there_at_25=ThereAt25.YES),
    ]
    e = p.education
    e.status = EetStatus.COLLEGE
    e.provider = "Northbridge College"
    e.course = "Level 3 Extended Diploma in Art and Design"
    e.start = date(2024, 9, 4)
    e.expected_end = date(2026, 6, 30)
    e.plans = "Apply to study animation at university in 2027."
    e.designated_contact = "Ms Hale, care leavers' lead"
    h = p.home
    h.current_type = HomeType.STAYING_PUT
    h.current_name = "With Łukasz and family"
    h.current_since = date(2022, 2, 1)
    h.suitability = "A settled, warm home near college. Zoë has her own room and a key."
    h.planned_type = HomeType.UNIVERSITY
    h.planned_description = "University halls with 52-week contract"
    h.planned_move_date = date(2027, 9, 18)
    h.fallback = "Zoë can come back to the Ștefan family home in the holidays or if halls don't work out."
    sp = p.staying_put
    sp.decision = Decision.AGREED
    sp.notes = "Everyone is happy with how it is going."
    sp.agreements = [StayingPutAgreement(
        status=AgreementStatus.AGREED, version=1,
        carers=[Carer(name=NAMES["latin"], pronouns="he/him", phone="07700 900123")],
        worker_name="Jo Patel", worker_contact="0300 123 4567", supervising_name="Sam Reid",
        supervising_agency="Northbridge Fostering", authority="Northbridge City Council",
        authority_contact="Ana Costa, Team Manager",
        young_person_words="I want to stay with Łukasz until I go to uni. " + MARKUP_TEXT,
        young_person_responsibilities="Pay £20 a week and help at home.",
        carer_responsibilities="Give Zoë a home and the support below.",
        authority_responsibilities="Pay the Staying Put allowance and review the arrangement.",
        house_rules=[HouseRule(topic=HouseRuleTopic.COMING_HOME, agreed="Home by 11pm on weeknights or text."),
                     HouseRule(topic=HouseRuleTopic.FOOD, agreed="Cooks one family meal a week."),
                     HouseRule(topic=HouseRuleTopic.VISITORS, agreed="Friends can visit until 10pm."),
                     HouseRule(topic=HouseRuleTopic.KEYS, same_as_before=True)],
        practical_support="Budgeting and cooking.", emotional_support="Someone to talk to.",
        carer_payment="The Staying Put allowance, paid to Łukasz by the council.",
        contribution="£20 a week towards food.", contribution_from="Her bursary.",
        housing_costs="None claimed.", housing_costs_claimed_by="Not claimed.", council_tax="Not affected.",
        contracts="None.", education_support="Help with UCAS.",
        start=date(2026, 3, 14), end=date(2029, 3, 14), review_date=date(2027, 3, 14),
        disagreements="Talk first, then with Jo.", notice="Four weeks.", ending_early="Jo finds another room.",
        agreed_on=date(2026, 3, 1), notes="PRACTITIONER-NOTE-5521: Łukasz asked about his tax.",
        signatures=[Signature(Party.YOUNG_PERSON, "Zoë Ørsted", date(2026, 3, 1)),
                    Signature(Party.CARER, NAMES["latin"], date(2026, 3, 1)),
                    Signature(Party.PERSONAL_ADVISER, "Jo Patel", date(2026, 3, 1))],
    )]
    sc = p.staying_close
    sc.decision = Decision.DISCUSSING
    sc.agreements = [StayingCloseAgreement(
        home_name="Elm House", new_home="A flat on Birch Road", distance="Ten minutes from Elm House",
        start=date(2027, 1, 10), come_back_meals="Sunday lunch once a month.",
        come_back_hard_times="A bed for the night when things are hard.",
        staff=[StayingCloseContact(name="Priya Shah", role="Key worker", how_keep_in_touch="Text every week, coffee every month",
                                   how_often="Every week")],
    )]
    hl = p.health
    hl.physical = "Healthy. Asthma, uses an inhaler."
    hl.emotional_wellbeing = "Much more settled this year. Anxious about the move to university."
    hl.services = "GP at Birch Road Surgery; dentist registered."
    hl.gp_registered = True
    m = p.money
    m.income = "16-19 bursary; weekend job at the café."
    m.bank_account = True
    m.local_offer_explained_on = date(2026, 4, 2)
    m.savings = "£350 in a savings account."
    for s in p.skills[:6]:
        s.level = SkillLevel.CONFIDENT
    for s in p.skills[6:9]:
        s.level = SkillLevel.LEARNING
    i = p.identity
    i.own_words = "I'm half Danish and proud of it. I want to learn more Danish before I'm 21."
    i.ethnicity = "White Danish and White British"
    i.languages = "English, a little Danish"
    i.religion = "None"
    i.recorded_with_young_person = True
    p.life_story = [
        LifeStoryEntry(title="Moving in with the Ștefans", text="The first night they made pancakes.", when=date(2022, 2, 1)),
        LifeStoryEntry(title="GCSE results day", text="A 7 in Art!", when=date(2024, 8, 22)),
    ]
    words = {
        Area.SUPPORT: "I want Jo to keep being my PA. I like texting more than calls.",
        Area.EDUCATION: "I want to do animation at uni. I'm scared about the money.",
        Area.EMPLOYMENT: "I like my café job. I'd like a summer job at an animation studio.",
        Area.CONTINGENCY: "If uni goes wrong I want to come home to Łukasz's.",
        Area.ACCOMMODATION: "I want to stay with Łukasz until I go to uni. Then halls.",
        Area.RELATIONSHIPS: "My sister " + NAMES["arabic"] + " matters most. I want to see her every week.",
        Area.SKILLS: "I can cook but I'm rubbish at paying bills.",
        Area.FINANCE: "I want to save for a laptop for animation.",
        Area.HEALTH: "My asthma is fine. I sometimes need someone to talk to.",
        Area.IDENTITY: "Being Danish is part of me.",
    }
    assess = {
        Area.SUPPORT: "Zoë has a trusting relationship with Jo. Monthly visits, weekly texts.",
        Area.EDUCATION: "On track for Distinction. Needs help with UCAS and student finance.",
        Area.EMPLOYMENT: "Works 8 hours a week; reliable and well liked.",
        Area.CONTINGENCY: "The Ștefan family have agreed to keep Zoë's room during her first year.",
        Area.ACCOMMODATION: "Staying Put agreed to 21 or university. Halls with 52-week contract preferred.",
        Area.RELATIONSHIPS: "Weekly sibling contact in place. Contact with dad is supervised.",
        Area.SKILLS: "Budgeting and bills are the gaps; money course booked.",
        Area.FINANCE: "Bursary in place. Higher education bursary to be claimed.",
        Area.HEALTH: "Referred to college counsellor; asthma review due.",
        Area.IDENTITY: "Zoë would like Danish lessons; funding agreed in principle.",
    }
    acts = {
        Area.SUPPORT: [Action("Text Zoë every week and visit monthly", "Jo Patel", date(2027, 6, 30), ActionStatus.IN_PROGRESS)],
        Area.EDUCATION: [Action("Help with UCAS personal statement", "Jo Patel", date(2026, 12, 15), ActionStatus.IN_PROGRESS), Action("Apply for the university care leaver bursary", "Zoë with Jo", date(2027, 3, 1))],
        Area.EMPLOYMENT: [Action("Look for summer work experience in animation", "Zoë", date(2027, 4, 1))],
        Area.CONTINGENCY: [Action("Write down the plan if halls fall through", "Jo Patel", date(2027, 6, 1))],
        Area.ACCOMMODATION: [Action("Apply for 52-week university halls", "Zoë with Jo", date(2027, 5, 1)), Action("Staying Put review", "Jo Patel", date(2027, 3, 14))],
        Area.RELATIONSHIPS: [Action("Weekly visits with " + NAMES["arabic"], "Social worker", date(2026, 11, 1), ActionStatus.IN_PROGRESS)],
        Area.SKILLS: [Action("Money and bills course", "Zoë", date(2027, 2, 1)), Action("Learn to use public transport to college alone", "Zoë", date(2025, 1, 1), ActionStatus.DONE)],
        Area.FINANCE: [Action("Set up a savings plan for a laptop", "Zoë with Łukasz", date(2027, 1, 31))],
        Area.HEALTH: [Action("Asthma review at GP", "Zoë", date(2027, 1, 15)), Action("Start college counselling", "Ms Hale", date(2026, 12, 1), ActionStatus.IN_PROGRESS)],
        Area.IDENTITY: [Action("Find Danish classes", "Jo Patel", date(2027, 2, 28))],
    }
    for a in Area:
        sa = p.area(a)
        sa.own_words = words[a]
        sa.assessment = assess[a]
        sa.actions = acts[a]
    c = p.contingency
    c.plan = "If university halls fall through, Zoë returns to the Ștefan family home while Jo finds another room."
    c.fallback_home = "The Ștefan family home"
    c.who_to_call = "Jo Patel (PA) 0300 123 4567; out of hours duty team 0300 765 4321"
    p.reviews = [
        Review(held_on=date(2026, 4, 20), participants="Zoë, Jo Patel, Łukasz, IRO", summary="Staying Put agreed; university plan started.", young_person_views="I'm happy here and want to stay until uni."),
        Review(held_on=date(2025, 10, 20), participants="Zoë, social worker, Łukasz", summary="Pathway plan first agreed.", young_person_views="I want to go to uni."),
    ]
    p.advisers = [
        AdviserPeriod(name="Marcus Reid", organisation="Northbridge Leaving Care Team", start=date(2024, 3, 14), end=date(2025, 1, 31), handover_notes="Handed over in a joint visit."),
        AdviserPeriod(name="Jo Patel", organisation="Northbridge Leaving Care Team", start=date(2025, 2, 1)),
    ]
    p.needs_assessment_done_on = date(2024, 5, 1)
    p.plan_agreed_on = date(2024, 6, 1)
    p.pa_support_to_25 = True
    p.prompt_responses = [
        PromptResponse(rule_id="M1-no-one-at-25", answer=PromptAnswer.DONE, note="Talked with Zoë; Łukasz and her grandma said yes.", by="Jo Patel", at=datetime(2026, 5, 2, 10, 0, tzinfo=UTC)),
    ]
    return p


def sample_prompts(plan: Plan):
    """Two considered prompts, as the guidance engine would hand them over."""
    from pathway_app.domain.guidance.types import Prompt, Urgency

    return [
        Prompt(
            rule_id="M1-no-one-at-25",
            area="relationships",
            urgency=Urgency.SOON,
            practitioner_text="Ask who will be there for Zoë at 25 and beyond, and make them part of the support plan.",
            young_person_text="Who will be there for me when I'm 25?",
            citation="Making not Breaking (Care Inquiry, 2013), §5.5",
            response=plan.prompt_responses[0] if plan.prompt_responses else None,
            message="M1",
        ),
        Prompt(
            rule_id="M16-he-housing",
            area="education",
            urgency=Urgency.CONSIDER,
            practitioner_text="University is planned: record year-round housing and the bursary.",
            young_person_text="Where will I live in the holidays at uni?",
            citation="KEE4: Children in care and care leavers (Stein)",
            response=None,
            message="M16",
        ),
    ]


LONG_WORDS = 10_000
LAST_WORD = "ZEBRAFINALWORD"


def long_text(n: int = LONG_WORDS) -> str:
    """About ``n`` characters of prose, ending with :data:`LAST_WORD`."""
    sentence = "I have a lot to say about where I want to live and who I want near me. "
    body = (sentence * (n // len(sentence) + 1))[: n - len(LAST_WORD) - 1]
    return body.rstrip() + " " + LAST_WORD


def heavy_plan() -> Plan:
    p = rich_plan()
    p.area(Area.ACCOMMODATION).own_words = long_text()
    kinds = list(RelationshipType)
    p.relationships = p.relationships + [
        Relationship(
            name=f"Person {i:03d}",
            relationship_type=kinds[i % len(kinds)],
            closeness=list(Closeness)[i % 3],
            contact_frequency=list(ContactFrequency)[i % 6],
            there_at_25=list(ThereAt25)[i % 4],
            description="someone who matters " * (1 + i % 3),
        )
        for i in range(200 - len(p.relationships))
    ]
    areas = list(Area)
    for i in range(300 - len(p.all_actions())):
        p.area(areas[i % 10]).actions.append(
            Action(f"Action number {i}: do the next small thing on the plan", "Jo Patel", date(2027, 1, 1 + i % 28), list(ActionStatus)[i % 4])
        )
    return p


def empty_plan() -> Plan:
    p = Plan()
    p.person.given_name = "Alex"
    return p
