"""A complete, well-kept plan that raises no prompt at all on TODAY; tests change one thing."""

from __future__ import annotations

from datetime import date

from pathway_app.domain.model import (
    Action,
    AdviserPeriod,
    CareEpisode,
    Carer,
    Contingency,
    Education,
    Health,
    Home,
    Identity,
    LifeStoryEntry,
    Money,
    Plan,
    Relationship,
    Review,
    Skill,
    StayingPut,
    StayingPutAgreement,
    SupportArea,
    YoungPerson,
)
from pathway_app.domain.vocab import (
    SCHEDULE_1_AREAS,
    SKILL_KEYS,
    CareLegalStatus,
    ContactFrequency,
    Decision,
    EetStatus,
    HomeType,
    LegalStatus,
    RelationshipType,
    SkillLevel,
    ThereAt25,
)

TODAY = date(2026, 6, 1)
DOB = date(2009, 3, 15)  # 16 on 15 March 2025, 18 on 15 March 2027, 21 on 15 March 2030


def rel(plan: Plan, name: str) -> Relationship:
    return next(r for r in plan.relationships if r.name == name)


def complete_plan() -> Plan:
    plan = Plan(
        person=YoungPerson(
            given_name="Kai",
            family_name="Test",
            date_of_birth=DOB,
            legal_status=LegalStatus.CARE_ORDER,
            about_me_own_words="I like football and I want to be a chef.",
            strengths="Kind, funny, good with little kids",
            achievements="Level 2 food hygiene",
        ),
        care_episodes=[CareEpisode(start=date(2015, 1, 10), home_type=HomeType.FOSTER, legal_status=CareLegalStatus.CARE_ORDER)],
        relationships=[
            Relationship(
                name="Jade",
                relationship_type=RelationshipType.SIBLING,
                contact_frequency=ContactFrequency.WEEKLY,
                there_at_25=ThereAt25.YES,
                in_support_plan=True,
                what_they_bring="My big sister, always on my side",
            ),
            Relationship(
                name="Mum",
                relationship_type=RelationshipType.PARENT,
                contact_frequency=ContactFrequency.MONTHLY,
                there_at_25=ThereAt25.NO,
                what_they_bring="Family news",
            ),
            Relationship(
                name="Pat",
                relationship_type=RelationshipType.FOSTER_CARER,
                contact_frequency=ContactFrequency.DAILY,
                there_at_25=ThereAt25.YES,
                in_support_plan=True,
                keep_in_touch_plan="Sunday dinners whenever I like",
                what_they_bring="Treats me like family",
            ),
            Relationship(
                name="Ravi",
                relationship_type=RelationshipType.PERSONAL_ADVISER,
                contact_frequency=ContactFrequency.MONTHLY,
                there_at_25=ThereAt25.MAYBE,
                what_they_bring="Sorts things out",
            ),
        ],
        education=Education(status=EetStatus.COLLEGE, provider="City College", course="Catering L2"),
        home=Home(current_type=HomeType.FOSTER, current_name="Pat's", current_since=date(2015, 1, 10)),
        staying_put=StayingPut(decision=Decision.AGREED, agreements=[StayingPutAgreement(carers=[Carer(name="Pat")])]),
        health=Health(
            physical="Well; asthma inhaler",
            emotional_wellbeing="Feels settled; talks to Pat",
            services="GP, dentist",
            gp_registered=True,
        ),
        money=Money(income="Allowance", bank_account=True, local_offer_explained_on=date(2026, 1, 10)),
        skills=[Skill(key=k, level=SkillLevel.LEARNING) for k in SKILL_KEYS],
        identity=Identity(
            own_words="Mixed heritage, proud of it",
            ethnicity="Mixed White and Black Caribbean",
            languages="English",
            recorded_with_young_person=True,
        ),
        life_story=[LifeStoryEntry(title="First day at Pat's", when=date(2015, 1, 10))],
        support_areas=[
            SupportArea(
                area=a,
                own_words=f"My words about {a.value}",
                assessment="Going well",
                actions=[Action(what=f"Next step for {a.value}", who="Ravi", by_when=date(2026, 9, 1))],
            )
            for a in SCHEDULE_1_AREAS
        ],
        contingency=Contingency(
            plan="If Staying Put ends early, emergency supported lodgings",
            fallback_home="Pat's spare room",
            who_to_call="Ravi, or the out-of-hours team",
            own_words="I'd call Pat first",
        ),
        reviews=[Review(held_on=date(2026, 3, 1), participants="Kai, Pat, Ravi", young_person_views="Happy")],
        advisers=[AdviserPeriod(name="Ravi", start=date(2025, 4, 1))],
        needs_assessment_done_on=date(2025, 5, 1),
        plan_agreed_on=date(2025, 6, 1),
    )
    return plan
