"""Demo young people: fictional plans to explore the app and to test it against.

Every person, place and organisation here is made up. Dates are worked out from ``today`` so
the demo always looks current (a 17-year-old stays 17 whenever it is loaded), and every plan
and record has a fixed identifier (a UUID 5 from :data:`NAMESPACE` and a name), so adding the
demo again updates the same young people instead of adding copies.

The young people:

- **Kayla Brennan** (17): foster care; no Staying Put decision yet; care history that began
  before her 14th birthday, a short break and a move; supervised contact with her mother.
- **Reece Tanner** (17, nearly 18): leaving Larch House children's home; Staying Close being
  discussed; close to his key workers.
- **Nadia Hussain** (17): semi-independent flat; a gap in care; college.
- **Callum Price** (21): at university; Staying Put with his former foster carer ended at 21;
  no year-round housing recorded; asked for PA support to 25.
- **Dawit Tekle** (ዳዊት, 17): arrived alone from Eritrea; asylum claim waiting for a decision.
- **Shannon Murphy** (19): a young mum in supported housing, planning her own tenancy.
- **Tom Whitfield** (18): Staying Put agreed with his foster carers; apprenticeship.
- **Mia Lawson** (16): kinship care with her grandmother.
"""

from __future__ import annotations

import uuid
from collections.abc import Iterable
from datetime import UTC, date, datetime, time, timedelta

from dateutil.relativedelta import relativedelta

from . import demo_agreements
from .domain.dates import birthday
from .domain.model import (
    Action,
    AdviserPeriod,
    CareEpisode,
    Child,
    Contingency,
    Education,
    Health,
    Home,
    Identity,
    ImmigrationMatter,
    LifeStoryEntry,
    Money,
    Plan,
    Relationship,
    Review,
    SharingChoice,
    SignOff,
    StayingClose,
    StayingPut,
    YoungPerson,
)
from .domain.vocab import (
    ActionStatus,
    Area,
    CareLegalStatus,
    Closeness,
    ContactFrequency,
    DateOfBirthBasis,
    Decision,
    EetStatus,
    HomeRegistration,
    HomeType,
    ImmigrationStatus,
    LegalStatus,
    LifeStoryKind,
    Parenting,
    PlanView,
    RelationshipStatus,
    RelationshipType,
    ShareAudience,
    SkillLevel,
    ThereAt25,
)

#: Fixed namespace for the demo's identifiers. Never change it: it is what makes a second
#: "add the demo" update the first.
NAMESPACE = uuid.UUID("3f6d2b1e-8c4a-5e7f-9b0d-1a2c3e4f5a6b")

LA = "Northmoor City Council"  # a made-up local authority

# shorthand
NS, LEARN, CONF = SkillLevel.NOT_STARTED, SkillLevel.LEARNING, SkillLevel.CONFIDENT
NOT_STARTED, IN_PROGRESS, DONE = ActionStatus.NOT_STARTED, ActionStatus.IN_PROGRESS, ActionStatus.DONE
RT = RelationshipType
CF = ContactFrequency


def stable_id(*parts: str) -> str:
    """The demo identifier for ``parts`` (e.g. ``stable_id("kayla", "relationships", "mum")``)."""
    return str(uuid.uuid5(NAMESPACE, "/".join(parts)))


def plan_id(key: str) -> str:
    return stable_id(key, "plan")


class _Maker:
    """Dates for one young person, relative to ``today`` and to their birthdays."""

    def __init__(self, key: str, today: date, years: int, months: int = 0, days: int = 0):
        self.key = key
        self.today = today
        self.dob = today - relativedelta(years=years, months=months, days=days)

    def age(self, years: int, months: int = 0, days: int = 0) -> date:
        """The day the young person was (or will be) ``years`` + ``months`` + ``days`` old."""
        return birthday(self.dob, years) + relativedelta(months=months, days=days)

    def ago(self, *, years: int = 0, months: int = 0, days: int = 0) -> date:
        return self.today - relativedelta(years=years, months=months, days=days)

    def ahead(self, *, years: int = 0, months: int = 0, days: int = 0) -> date:
        return self.today + relativedelta(years=years, months=months, days=days)


def _rel(
    name: str,
    kind: RelationshipType,
    description: str,
    closeness: Closeness,
    frequency: ContactFrequency,
    means: str,
    at_25: ThereAt25,
    *,
    status: RelationshipStatus = RelationshipStatus.CONTINUING,
    keep: str = "",
    in_plan: bool = False,
    brings: str = "",
    safety: str = "",
    restrictions: str = "",
    phone: str = "",
) -> Relationship:
    return Relationship(
        name=name, relationship_type=kind, description=description, closeness=closeness,
        contact_frequency=frequency, contact_means=means, there_at_25=at_25, status=status,
        keep_in_touch_plan=keep, in_support_plan=in_plan, what_they_bring=brings,
        safety_notes=safety, contact_restrictions=restrictions, phone=phone,
    )


ActionSpec = tuple[str, str, "date | None", ActionStatus]


def _areas(plan: Plan, spec: dict[Area, tuple[str, str, list[ActionSpec]]]) -> None:
    for area, (own, assessment, actions) in spec.items():
        sa = plan.area(area)
        sa.own_words = own
        sa.assessment = assessment
        sa.actions = [Action(what=w, who=who, by_when=when, status=st) for w, who, when, st in actions]


def _skills(plan: Plan, levels: dict[str, tuple[SkillLevel, str]]) -> None:
    for sk in plan.skills:
        if sk.key in levels:
            sk.level, sk.notes = levels[sk.key]


def _stamp(plan: Plan, key: str, today: date) -> Plan:
    """Give the plan and every record in it its fixed identifier."""
    plan.id = plan_id(key)
    lists: Iterable[tuple[str, list]] = (
        ("care_episodes", plan.care_episodes),
        ("immigration", plan.immigration),
        ("children", plan.children),
        ("orders", plan.orders),
        ("relationships", plan.relationships),
        ("life_story", plan.life_story),
        ("reviews", plan.reviews),
        ("advisers", plan.advisers),
        ("prompt_responses", plan.prompt_responses),
        ("sharing", plan.sharing),
    )
    for name, items in lists:
        for i, item in enumerate(items):
            item.id = stable_id(key, name, str(i))
    for kind in ("staying_put", "staying_close"):
        for i, a in enumerate(getattr(plan, kind).agreements):
            a.id = stable_id(key, kind, str(i))
            for name in ("carers", "house_rules", "staff", "signatures"):
                for j, item in enumerate(getattr(a, name, ())):
                    item.id = stable_id(key, kind, str(i), name, str(j))
    for sk in plan.skills:
        sk.id = stable_id(key, "skills", sk.key)
    for sa in plan.support_areas:
        for i, a in enumerate(sa.actions):
            a.id = stable_id(key, "actions", sa.area.value, str(i))
    created = datetime.combine(today - timedelta(days=400), time(9, 0), tzinfo=UTC)
    plan.created_at = created
    plan.updated_at = datetime.combine(today, time(9, 0), tzinfo=UTC)
    return plan


# --------------------------------------------------------------------------- (a) Kayla


def _kayla(today: date) -> Plan:
    m = _Maker("kayla-brennan", today, 17, 3, 12)
    p = Plan()
    p.person = YoungPerson(
        given_name="Kayla", family_name="Brennan", pronouns="she/her", date_of_birth=m.dob,
        phone="07700 900101", email="kayla.b@example.org",
        address="With Maureen and Tony Ellis, 14 Hawthorn Close, Northmoor",
        legal_status=LegalStatus.CARE_ORDER, local_authority=LA,
        about_me_own_words=(
            "I'm loud when I'm happy and quiet when I'm not. I love animals, drawing and "
            "rubbish reality TV. I want people to ask me before they decide stuff about me."
        ),
        strengths="Kind to younger children in the house; sticks at things she cares about; funny.",
        interests="Drawing (mostly animals), dog walking for a neighbour, netball on Saturdays.",
        achievements="Grade 6 in GCSE Art; 100% attendance in the spring term; netball team captain.",
    )
    p.care_episodes = [
        CareEpisode(start=m.age(13, 2), end=m.age(14, 4), home_type=HomeType.FOSTER,
                    legal_status=CareLegalStatus.INTERIM_CARE_ORDER, home_name="Pat Hughes (emergency, then short-term)",
                    notes="Came into care from home after a police protection order. Straddles the 14th birthday: "
                          "only the days from the 14th birthday count towards the 13 weeks."),
        CareEpisode(start=m.age(14, 4), end=m.age(14, 8), home_type=HomeType.FOSTER,
                    legal_status=CareLegalStatus.CARE_ORDER, home_name="The Khan family",
                    notes="Planned move closer to school."),
        CareEpisode(start=m.age(14, 8), end=m.age(14, 8, 12), home_type=HomeType.FOSTER,
                    legal_status=CareLegalStatus.CARE_ORDER, short_break=True, home_name="Sunny Lodge short breaks",
                    notes="12-night planned short break while the Khans were away."),
        CareEpisode(start=m.age(14, 8, 12), home_type=HomeType.FOSTER, legal_status=CareLegalStatus.CARE_ORDER,
                    home_name="Maureen and Tony Ellis", notes="Long-term match agreed at panel."),
    ]
    p.relationships = [
        _rel("Maureen Ellis", RT.FOSTER_CARER, "my foster mum", Closeness.VERY_CLOSE, CF.DAILY,
             "lives with her", ThereAt25.YES, in_plan=True,
             brings="She never gives up on me, even when I'm horrible. She taught me to cook lasagne.",
             keep="Kayla hopes to stay after 18 — Staying Put not yet talked about with the Ellises."),
        _rel("Tony Ellis", RT.FOSTER_CARER, "Maureen's husband", Closeness.CLOSE, CF.DAILY,
             "lives with him", ThereAt25.MAYBE, brings="Drives me to netball and laughs at my jokes."),
        _rel("Donna Brennan", RT.PARENT, "my mum", Closeness.NOT_CLOSE, CF.FEW_TIMES_A_YEAR,
             "supervised visits at the family centre; cards on birthdays", ThereAt25.NOT_ASKED,
             keep="Kayla wants to decide herself about contact after 18; PA to talk this through before her 18th.",
             safety="Mum's partner (Gary) must not know Kayla's address or school. Previous incident of him "
                    "turning up at school (see chronology).",
             restrictions="Supervised contact only, at the family centre, up to four times a year. "
                          "Do not give Mum Kayla's address or phone number."),
        _rel("Tyler Brennan", RT.SIBLING, "my little brother (adopted)", Closeness.CLOSE, CF.RARELY,
             "letterbox contact through the adoption team, once a year", ThereAt25.MAYBE,
             keep="Kayla would like to see Tyler face to face. PA to ask the adoption team about a meeting.",
             brings="He's the only person who was there for everything."),
        _rel("Pat Hughes", RT.FOSTER_CARER, "my first foster carer", Closeness.CLOSE, CF.NONE,
             "", ThereAt25.NOT_ASKED, status=RelationshipStatus.ENDED,
             keep="Pat retired and moved to Wales. Kayla would like to send her a card — PA to ask the "
                  "fostering team to pass one on.",
             brings="She was the first person who made me feel safe."),
        _rel("Amira Saleh", RT.FRIEND, "best friend from school", Closeness.VERY_CLOSE, CF.DAILY,
             "school, Snapchat, sleepovers (agreed with carers)", ThereAt25.YES),
        _rel("Leon Carter", RT.PERSONAL_ADVISER, "my PA", Closeness.CLOSE, CF.MONTHLY,
             "visits at home, WhatsApp", ThereAt25.NO, in_plan=True, phone="07700 900201"),
        _rel("Ruth Adeyemi", RT.SOCIAL_WORKER, "my social worker", Closeness.CLOSE, CF.MONTHLY,
             "visits at home and at school", ThereAt25.NOT_ASKED),
    ]
    p.education = Education(
        status=EetStatus.COLLEGE, provider="Northmoor College", course="Level 3 Art and Design (year 1)",
        start=m.age(16, 4), expected_end=m.age(18, 2), bursary=True,
        designated_contact="Sam Patel, care-experienced learners lead",
        plans="Art foundation year, then maybe animation. Or veterinary nursing — still deciding.",
    )
    p.home = Home(
        current_type=HomeType.FOSTER, current_name="Maureen and Tony Ellis", current_since=m.age(14, 8, 12),
        suitability="Settled and safe; own room; 20 minutes to college by bus. Kayla says it's home.",
        planned_type=None, planned_description="Not decided — Kayla wants to stay; Staying Put not yet discussed.",
        fallback="If staying is not possible: supported lodgings near college.",
    )
    p.staying_put = StayingPut(decision=Decision.NOT_DISCUSSED)
    p.health = Health(
        physical="Asthma, well controlled with a brown inhaler; carries a blue one.",
        emotional_wellbeing="Finds contact with Mum unsettling for a few days afterwards. Draws when upset.",
        mental_health="Saw CAMHS at 14 after coming into care; discharged; knows how to re-refer.",
        services="GP: Hawthorn Medical Centre. Dentist: Smile Street. Asthma nurse yearly.",
        gp_registered=True,
    )
    p.money = Money(
        income="Pocket money from carers; college bursary £30 a week.",
        bank_account=True, savings="Junior ISA (Kayla knows it opens at 18).",
        notes="Leaving-care offer not yet explained in full.",
    )
    _skills(p, {
        "cooking": (CONF, "Lasagne, curry, stir fry."),
        "food_shopping_budget": (LEARN, "Does the Saturday shop with Maureen, £40 budget."),
        "cleaning_laundry": (CONF, ""),
        "bank_account": (LEARN, "Has a card; learning to check the app."),
        "using_transport": (CONF, "Bus to college every day."),
        "registering_gp_dentist": (LEARN, ""),
        "staying_safe_online": (LEARN, "Talked about sharing location after the incident with Gary."),
    })
    p.identity = Identity(
        own_words="I'm Irish on my dad's side and proud of it. I'm an artist. I'm a big sister.",
        ethnicity="White Irish / White British", religion="None (baptised Catholic)", languages="English",
        culture="Goes to the Irish centre's ceili with Tony sometimes.", gender="Female",
        sexuality="Not discussed — Kayla said she'll talk about it when she wants to.",
        recorded_with_young_person=True,
    )
    p.life_story = [
        LifeStoryEntry("Moving in with Maureen and Tony", "They had a banner up saying 'Welcome Kayla'. I kept it.",
                       m.age(14, 8, 12), LifeStoryKind.MEMORY),
        LifeStoryEntry("Netball captain", "Voted by the team.", m.age(16, 9), LifeStoryKind.ACHIEVEMENT),
        LifeStoryEntry("Photo with Tyler", "The last photo before he was adopted (copy kept by the fostering team).",
                       m.age(13, 6), LifeStoryKind.PHOTO),
        LifeStoryEntry("Birth certificate", "Original held in the office safe; copy in Kayla's memory box.",
                       None, LifeStoryKind.DOCUMENT),
    ]
    _areas(p, {
        Area.SUPPORT: ("I want Leon to keep being my PA and not keep changing.",
                       "Leon visits monthly; Ruth (social worker) until 18. Good relationship with both.",
                       [("Agree how often Leon and Kayla meet after 18", "Leon Carter", m.ahead(months=4), NOT_STARTED)]),
        Area.EDUCATION: ("I want to finish my Level 3 and do art foundation.",
                         "On track; attendance 96%. Personal education plan reviewed each term.",
                         [("Visit two art foundation courses", "Kayla with Maureen", m.ahead(months=3), NOT_STARTED)]),
        Area.EMPLOYMENT: ("I want a Saturday job with animals.",
                          "Walks a neighbour's dog; interested in kennel work.",
                          [("Help with a CV for Saturday jobs", "Leon Carter", m.ahead(days=45), IN_PROGRESS)]),
        Area.CONTINGENCY: ("If it goes wrong I'd want to go somewhere near college and Amira.",
                           "No current risk to the home. See contingency plan.", []),
        Area.ACCOMMODATION: ("I want to stay with Maureen and Tony after I'm 18.",
                             "Stable and suitable. Staying Put has not yet been talked about with Kayla or the Ellises "
                             "— needs to happen now (she is 17).",
                             [("Talk with Kayla and the Ellises about Staying Put", "Ruth Adeyemi", m.ahead(days=30), NOT_STARTED),
                              ("Ask the fostering team about the Staying Put allowance", "Leon Carter", m.ahead(days=30), NOT_STARTED)]),
        Area.RELATIONSHIPS: ("I want to see Tyler. I want to decide about Mum myself.",
                             "Letterbox contact with Tyler only; mum's contact supervised (see restrictions).",
                             [("Ask the adoption team about a face-to-face meeting with Tyler", "Ruth Adeyemi",
                               m.ahead(months=2), IN_PROGRESS)]),
        Area.SKILLS: ("I can cook! Bills and money scare me a bit.", "Good practical skills; needs money skills.",
                      [("Money workshop at the care leavers' hub", "Kayla", m.ahead(months=2), NOT_STARTED)]),
        Area.FINANCE: ("I don't really know what I get at 18.",
                       "Bursary in place. Leaving-care offer and Junior ISA to be explained.",
                       [("Go through the local offer with Kayla", "Leon Carter", m.ahead(months=1), NOT_STARTED)]),
        Area.HEALTH: ("My asthma's fine. Contact days are hard.",
                      "Physical health good. Emotional support after contact is working (time with Maureen, drawing).",
                      [("Book the annual asthma review", "Maureen Ellis", m.ahead(months=2), NOT_STARTED)]),
        Area.IDENTITY: ("I want to know more about my dad's family in Ireland.",
                        "Life-story work started with Ruth. Father's family details are on file.",
                        [("Life-story session about Dad's family", "Ruth Adeyemi", m.ahead(months=3), NOT_STARTED)]),
    })
    p.contingency = Contingency(
        plan="If the home breaks down: emergency move to supported lodgings near college; keep contact with the Ellises if Kayla wants.",
        fallback_home="Supported lodgings (Northmoor Lodgings Scheme)", who_to_call="Leon Carter; out of hours: emergency duty team",
        own_words="Call Leon first. Don't move me away from college.",
    )
    p.reviews = [
        Review(m.ago(months=11), "Kayla, Maureen, Ruth, IRO", "Settled; starting college.", "I like it here."),
        Review(m.ago(months=5), "Kayla, Maureen, Tony, Ruth, Leon, IRO", "Pathway plan agreed. Leon introduced.",
               "I want to stay here. I want to see Tyler."),
    ]
    p.advisers = [AdviserPeriod("Leon Carter", "Northmoor Leaving Care Team", m.age(16, 1), None,
                                "First PA — met with Ruth and Kayla together at home.")]
    p.needs_assessment_done_on = m.age(16, 2)
    p.plan_agreed_on = m.ago(months=5)
    return _stamp(p, m.key, today)


# --------------------------------------------------------------------------- (b) Reece


def _reece(today: date) -> Plan:
    m = _Maker("reece-tanner", today, 17, 10, 3)
    p = Plan()
    p.person = YoungPerson(
        given_name="Reece", family_name="Tanner", pronouns="he/him", date_of_birth=m.dob,
        phone="07700 900102", address="Larch House, 2 Mill Lane, Northmoor",
        legal_status=LegalStatus.CARE_ORDER, local_authority=LA, youth_justice=True,
        youth_justice_notes="Referral order at 15 (criminal damage) — completed. No current involvement.",
        about_me_own_words="Larch House is my home, not a unit. I've been here longer than anywhere. "
                           "I'm good with my hands and I don't like being rushed.",
        strengths="Practical, loyal, looks out for the younger lads at Larch House.",
        interests="BMX, fixing bikes, grime music, cooking big breakfasts.",
        achievements="Completed his referral order; Level 1 bike maintenance certificate; 6 months at the bike shop.",
    )
    p.care_episodes = [
        CareEpisode(start=m.age(11, 6), end=m.age(13, 1), home_type=HomeType.FOSTER, legal_status=CareLegalStatus.ACCOMMODATED_S20,
                    home_name="The Osei family", notes="Ended after a run of missing episodes."),
        CareEpisode(start=m.age(13, 1), home_type=HomeType.RESIDENTIAL, legal_status=CareLegalStatus.CARE_ORDER,
                    home_name="Larch House", notes="Four-bed children's home."),
    ]
    p.relationships = [
        _rel("Dee Campbell", RT.RESIDENTIAL_KEY_WORKER, "my key worker at Larch House", Closeness.VERY_CLOSE, CF.DAILY,
             "at the home; will be phone and Sunday dinners after the move", ThereAt25.YES, in_plan=True,
             keep="Part of the Staying Close plan: weekly catch-up, Sunday dinner at Larch House.",
             brings="She's known me since I was 13. She tells me straight."),
        _rel("Marcus Webb", RT.RESIDENTIAL_KEY_WORKER, "night worker, taught me to cook breakfasts", Closeness.CLOSE,
             CF.WEEKLY, "at the home", ThereAt25.MAYBE, status=RelationshipStatus.ENDING,
             keep="Nothing agreed yet — Reece wants to keep in touch. Ask the manager what's allowed."),
        _rel("Lorraine Tanner", RT.PARENT, "my mum", Closeness.CLOSE, CF.WEEKLY, "phone, visits at her flat",
             ThereAt25.MAYBE, brings="We're better now than when I was little.",
             keep="Reece might go to Mum's at weekends. Not a place to live — he says so himself."),
        _rel("Kyle Tanner", RT.SIBLING, "older brother", Closeness.NOT_CLOSE, CF.FEW_TIMES_A_YEAR,
             "Instagram", ThereAt25.NOT_ASKED),
        _rel("Ash from the bike shop", RT.MENTOR, "Ash, owns Spokes bike shop", Closeness.CLOSE, CF.WEEKLY,
             "Saturday job", ThereAt25.MAYBE, brings="Trusts me with the till."),
        _rel("Priya Nair", RT.PERSONAL_ADVISER, "my PA", Closeness.CLOSE, CF.MONTHLY, "visits at Larch House, texts",
             ThereAt25.NOT_ASKED, in_plan=True, phone="07700 900202"),
    ]
    p.education = Education(
        status=EetStatus.TRAINING, provider="Northmoor Training Hub", course="Level 2 Cycle Mechanics",
        start=m.age(17, 0), expected_end=m.age(18, 6),
        plans="Apprenticeship at a bike shop; one day his own workshop.",
    )
    move = m.ahead(days=42)
    p.home = Home(
        current_type=HomeType.RESIDENTIAL, current_name="Larch House", current_since=m.age(13, 1),
        suitability="His home for almost five years; good relationships with staff.",
        planned_type=HomeType.STAYING_CLOSE,
        planned_description="One-bedroom flat on Orchard Road (housing association), ten minutes' walk from Larch House.",
        planned_move_date=move,
        fallback="Larch House will keep Reece's room for four weeks after the move.",
    )
    p.staying_close = StayingClose(decision=Decision.DISCUSSING, notes="Reece wants it; the panel meets next month.",
                                   agreements=demo_agreements.reece(m, move))
    p.health = Health(
        physical="Healthy. Broken wrist at 15 (BMX), healed.",
        emotional_wellbeing="Worried about living alone and being lonely at night.",
        mental_health="", services="GP: Mill Lane Surgery. Dentist: registered.", gp_registered=True,
    )
    p.money = Money(
        income="Training allowance £60 a week; Saturday job.", bank_account=True, council_tax_exemption=None,
        local_offer_explained_on=m.ago(months=2), savings="£350 saved for the flat.",
        debts="", notes="Setting-up-home allowance to be claimed for the flat.",
    )
    _skills(p, {
        "cooking": (CONF, "Big breakfasts, pasta bakes."),
        "food_shopping_budget": (LEARN, ""),
        "cleaning_laundry": (CONF, ""),
        "paying_bills": (LEARN, "Practising with a pretend budget sheet with Dee."),
        "bank_account": (CONF, ""),
        "managing_tenancy": (LEARN, "Tenancy-ready course booked."),
        "registering_gp_dentist": (CONF, ""),
        "using_transport": (CONF, "Mostly bikes."),
        "identity_documents": (NS, "No passport; birth certificate on file."),
        "getting_help_in_a_crisis": (LEARN, ""),
    })
    p.identity = Identity(
        own_words="Northmoor lad. Mixed race — my dad's Jamaican but I don't know him.",
        ethnicity="Mixed White and Black Caribbean", religion="None", languages="English",
        culture="Wants to learn about his Jamaican heritage", gender="Male", recorded_with_young_person=True,
    )
    p.life_story = [
        LifeStoryEntry("Larch House", "Moved in. Dee was on shift that night.", m.age(13, 1), LifeStoryKind.PLACE),
        LifeStoryEntry("Referral order finished", "Panel said well done.", m.age(15, 11), LifeStoryKind.ACHIEVEMENT),
    ]
    _areas(p, {
        Area.SUPPORT: ("Dee and Priya. I don't want new people.",
                       "Staying Close keeps Dee involved; Priya continues as PA.",
                       [("Write down who Reece can call, day and night", "Priya Nair", move - timedelta(days=7), NOT_STARTED)]),
        Area.EDUCATION: ("Finish the mechanics course.", "Going well; 90% attendance.", []),
        Area.EMPLOYMENT: ("An apprenticeship at Spokes.", "Ash is open to it when the course finishes.",
                          [("Ask Ash about an apprenticeship start date", "Reece", m.ahead(months=4), NOT_STARTED)]),
        Area.CONTINGENCY: ("If the flat doesn't work I want to come back to Larch House, not a hostel.",
                           "Room kept for four weeks; after that, supported lodgings.", []),
        Area.ACCOMMODATION: ("The flat's good because it's near Larch House.",
                             "Move planned close to 18th birthday — check it isn't rushed. Flat suitable: ground floor, "
                             "near work, rent covered by housing costs.",
                             [("Staying Close panel", "Jan Morris", m.ahead(days=21), IN_PROGRESS),
                              ("Sign tenancy and get keys", "Reece with Priya", move - timedelta(days=3), NOT_STARTED)]),
        Area.RELATIONSHIPS: ("Keep Dee and Marcus. See Mum at weekends.",
                             "Marcus's relationship at risk of ending with the move.",
                             [("Agree with the manager how Reece keeps in touch with Marcus", "Dee Campbell",
                               m.ahead(days=30), NOT_STARTED)]),
        Area.SKILLS: ("I can cook and clean. Bills I'm learning.", "Tenancy-ready course booked.",
                      [("Tenancy-ready course", "Reece", m.ahead(days=28), IN_PROGRESS)]),
        Area.FINANCE: ("Money for the flat.", "Setting-up-home allowance; Universal Credit claim from 18.",
                       [("Claim setting-up-home allowance", "Priya Nair", move - timedelta(days=14), NOT_STARTED),
                        ("Apply for council tax exemption", "Priya Nair", move, NOT_STARTED)]),
        Area.HEALTH: ("I'm fine. Nights might be hard on my own.", "Emotional support through Dee and Priya.", []),
        Area.IDENTITY: ("I want to know about Jamaica.", "Offer a mentor through the Caribbean community centre.",
                        [("Introduce Reece to the community centre mentor scheme", "Priya Nair", m.ahead(months=3),
                          NOT_STARTED)]),
    })
    p.contingency = Contingency(
        plan="If the flat breaks down in the first four weeks, Reece returns to Larch House; after that, "
             "supported lodgings while a new plan is made.",
        fallback_home="Larch House (room kept four weeks)", who_to_call="Priya Nair; Larch House staff any time",
        own_words="Ring Larch House. They'll pick up.",
    )
    p.reviews = [
        Review(m.ago(months=7), "Reece, Dee, social worker, IRO", "Plan agreed; Staying Close raised.", "Don't rush me."),
        Review(m.ago(months=1), "Reece, Dee, Jan, Priya, IRO", "Flat identified; panel booked.", "It's close, so I'm OK with it."),
    ]
    p.advisers = [
        AdviserPeriod("Gemma Fox", "Northmoor Leaving Care Team", m.age(16, 0), m.age(16, 8),
                      "Gemma left the team; handover visit with Priya at Larch House."),
        AdviserPeriod("Priya Nair", "Northmoor Leaving Care Team", m.age(16, 8), None, ""),
    ]
    p.needs_assessment_done_on = m.age(16, 1)
    p.plan_agreed_on = m.ago(months=7)
    return _stamp(p, m.key, today)


# --------------------------------------------------------------------------- (c) Nadia


def _nadia(today: date) -> Plan:
    m = _Maker("nadia-hussain", today, 17, 1, 20)
    p = Plan()
    p.person = YoungPerson(
        given_name="Nadia", family_name="Hussain", pronouns="she/her", date_of_birth=m.dob,
        phone="07700 900103", email="nadia.h@example.org", address="Flat 6, Brookside, 9 Canal Street, Northmoor",
        legal_status=LegalStatus.ACCOMMODATED_S20, local_authority=LA,
        about_me_own_words="I'm independent but I still need people. I want to be a midwife.",
        strengths="Organised, determined, good at standing up for herself.",
        interests="Baking, K-dramas, the gym.", achievements="Passed GCSE English and maths (grade 5).",
    )
    p.care_episodes = [
        CareEpisode(start=m.age(14, 6), end=m.age(14, 11), home_type=HomeType.FOSTER, legal_status=CareLegalStatus.ACCOMMODATED_S20,
                    home_name="The Green family", notes="Went home to Dad after a family group conference."),
        CareEpisode(start=m.age(15, 8), end=m.age(16, 9), home_type=HomeType.RESIDENTIAL,
                    legal_status=CareLegalStatus.ACCOMMODATED_S20, home_name="Willow Court",
                    notes="Came back into care after home broke down again (gap in care of about 9 months)."),
        CareEpisode(start=m.age(16, 9), home_type=HomeType.SEMI_INDEPENDENT, legal_status=CareLegalStatus.ACCOMMODATED_S20,
                    home_name="Brookside supported flats", notes="Staff on site 9am–10pm; floating support at night."),
    ]
    p.relationships = [
        _rel("Imran Hussain", RT.PARENT, "my dad", Closeness.NOT_CLOSE, CF.MONTHLY, "phone; meets in town", ThereAt25.MAYBE),
        _rel("Safiya Hussain", RT.SIBLING, "my sister (still at home with Dad)", Closeness.VERY_CLOSE, CF.WEEKLY,
             "meets after school; WhatsApp", ThereAt25.YES, in_plan=True, brings="She's my person."),
        _rel("Auntie Rukhsana", RT.OTHER_FAMILY, "Dad's sister in Bradford", Closeness.CLOSE, CF.FEW_TIMES_A_YEAR,
             "video calls, Eid visits", ThereAt25.YES),
        _rel("Bev at Willow Court", RT.RESIDENTIAL_KEY_WORKER, "my old key worker", Closeness.CLOSE, CF.NONE,
             "", ThereAt25.NOT_ASKED, status=RelationshipStatus.ENDED,
             keep="Ended when Nadia moved to Brookside; nothing was set up. Nadia says she'd like a visit."),
        _rel("Chloe", RT.FRIEND, "friend from college", Closeness.CLOSE, CF.DAILY, "college, gym", ThereAt25.MAYBE),
        _rel("Olu Bakare", RT.PERSONAL_ADVISER, "my PA", Closeness.CLOSE, CF.WEEKLY, "visits at the flat, calls",
             ThereAt25.NO, in_plan=True, phone="07700 900203"),
    ]
    p.education = Education(
        status=EetStatus.COLLEGE, provider="Northmoor College", course="Level 3 Health and Social Care (year 1)",
        start=m.age(16, 7), expected_end=m.age(18, 7), bursary=True, designated_contact="Sam Patel",
        plans="Midwifery degree at 19.",
    )
    p.home = Home(
        current_type=HomeType.SEMI_INDEPENDENT, current_name="Brookside supported flats", current_since=m.age(16, 9),
        suitability="Own flat, staff on site in the day. Nadia feels lonely at night and unsafe on Canal Street "
                    "after dark. Aged 17 — she should not be managing alone; consider supported lodgings.",
        planned_type=HomeType.SUPPORTED_LODGINGS, planned_description="Supported lodgings with a host family near college",
        planned_move_date=m.ahead(months=3), fallback="Brookside flat kept until the lodgings have settled.",
        registration=HomeRegistration.REGISTERED,
    )
    p.health = Health(
        physical="Healthy.", emotional_wellbeing="Low mood at night; sleeps badly.",
        mental_health="Anxiety — on the CAMHS waiting list (referred 3 months ago).", mental_health_need=True,
        services="GP: Canal Street Practice.", adult_services_transition="", gp_registered=True,
    )
    p.money = Money(income="Bursary; weekly allowance from the council.", bank_account=True,
                    local_offer_explained_on=m.ago(months=4), savings="", debts="£60 owed on a phone contract.")
    _skills(p, {
        "cooking": (LEARN, ""), "food_shopping_budget": (CONF, "Does her own shop on £45 a week."),
        "cleaning_laundry": (CONF, ""), "paying_bills": (LEARN, "Pays her electric key."),
        "bank_account": (CONF, ""), "using_transport": (CONF, ""), "staying_safe_online": (CONF, ""),
        "getting_help_in_a_crisis": (LEARN, "Knows the night number; hasn't used it."),
    })
    p.identity = Identity(
        own_words="British Pakistani, Muslim. My faith is mine — I don't need people to make a big deal of it.",
        ethnicity="Asian British – Pakistani", religion="Muslim", languages="English, Urdu (understands), Punjabi (some)",
        culture="Eid with Auntie Rukhsana", gender="Female", recorded_with_young_person=True,
    )
    p.life_story = [LifeStoryEntry("GCSE results day", "Passed English and maths!", m.age(16, 3), LifeStoryKind.ACHIEVEMENT)]
    _areas(p, {
        Area.SUPPORT: ("Olu is good. I'd like someone around at night.", "Weekly PA visits; on-site staff in the day.", []),
        Area.EDUCATION: ("I need good grades for midwifery.", "On track; 94% attendance.",
                         [("Talk to college about the university access route", "Nadia", m.ahead(months=5), NOT_STARTED)]),
        Area.EMPLOYMENT: ("Maybe care work at weekends.", "Could support her course.", []),
        Area.CONTINGENCY: ("If the lodgings don't work I'd go back to Brookside.", "Flat kept until lodgings settle.", []),
        Area.ACCOMMODATION: ("I like having my own space but I don't like nights.",
                             "Semi-independent at 17 is not meeting her needs at night.",
                             [("Refer to the supported lodgings scheme", "Olu Bakare", m.ahead(days=14), IN_PROGRESS),
                              ("Meet a possible host family", "Nadia with Olu", m.ahead(months=2), NOT_STARTED)]),
        Area.RELATIONSHIPS: ("Safiya. Always Safiya.", "Keep sister contact central; Bev relationship ended with no plan.",
                             [("Ask Willow Court if Bev can visit", "Olu Bakare", m.ahead(days=30), NOT_STARTED)]),
        Area.SKILLS: ("I'm good at budgeting.", "Strong skills for her age.", []),
        Area.FINANCE: ("The phone debt stresses me.", "Small debt; help to set up a repayment plan.",
                       [("Set up a repayment plan with the phone company", "Nadia with Olu", m.ahead(days=21), NOT_STARTED)]),
        Area.HEALTH: ("I want help with my anxiety before I'm 18.",
                      "CAMHS wait long; adult services transition must be planned before 18.",
                      [("Chase the CAMHS referral", "Olu Bakare", m.ahead(days=10), IN_PROGRESS),
                       ("Ask GP about talking therapy for young adults", "Nadia", m.ahead(months=1), NOT_STARTED)]),
        Area.IDENTITY: ("Just respect it.", "Recorded in her words.", []),
    })
    p.contingency = Contingency(plan="Stay at Brookside while lodgings are found; emergency: Willow Court bed if available.",
                                fallback_home="Brookside", who_to_call="Olu Bakare; Brookside night line",
                                own_words="Don't send me back to Dad's.")
    p.reviews = [Review(m.ago(months=4), "Nadia, Olu, social worker, IRO", "Moved to Brookside; settling.", "It's OK in the day.")]
    p.advisers = [AdviserPeriod("Olu Bakare", "Northmoor Leaving Care Team", m.age(16, 2), None, "")]
    p.needs_assessment_done_on = m.age(16, 0)
    p.plan_agreed_on = m.age(16, 3)
    p.review_requested_on = m.ago(days=5)
    return _stamp(p, m.key, today)


# --------------------------------------------------------------------------- (d) Callum


def _callum(today: date) -> Plan:
    m = _Maker("callum-price", today, 21, 2, 9)
    p = Plan()
    p.person = YoungPerson(
        given_name="Callum", family_name="Price", pronouns="he/him", date_of_birth=m.dob,
        phone="07700 900104", email="callum.price@example.org",
        address="Room 14, Fenwick Hall, University of Northmoor", legal_status=LegalStatus.LEFT_CARE,
        local_authority=LA,
        about_me_own_words="First in my family to go to uni. Quiet until you get to know me. Holidays are the hard bit.",
        strengths="Creative, self-motivated, reliable.", interests="Illustration, gaming, cooking for friends.",
        achievements="A-levels (A, B, B); a first in his first-year portfolio.",
    )
    p.care_episodes = [
        CareEpisode(start=m.age(9, 3), end=m.age(11, 0), home_type=HomeType.FOSTER, legal_status=CareLegalStatus.CARE_ORDER,
                    home_name="The Adams family"),
        CareEpisode(start=m.age(11, 0), end=m.age(18), home_type=HomeType.FOSTER, legal_status=CareLegalStatus.CARE_ORDER,
                    home_name="Linda Shaw"),
    ]
    p.relationships = [
        _rel("Linda Shaw", RT.FOSTER_CARER, "my foster mum (Staying Put until 21)", Closeness.VERY_CLOSE, CF.WEEKLY,
             "calls on Sundays; visits in the holidays", ThereAt25.YES, in_plan=True,
             keep="Staying Put ended at 21. Linda has said Callum can visit for Christmas but she's fostering "
                  "again and his room is now used.",
             brings="She came to every parents' evening. She still sends me food parcels."),
        _rel("Jess Price", RT.SIBLING, "younger sister (with our nan)", Closeness.CLOSE, CF.MONTHLY, "video calls",
             ThereAt25.YES),
        _rel("Sean Price", RT.PARENT, "my dad", Closeness.NOT_CLOSE, CF.NONE, "", ThereAt25.NO,
             status=RelationshipStatus.ENDED, keep="Callum chose to stop contact at 18. Respect that."),
        _rel("Dr Helen Rhodes", RT.TEACHER, "personal tutor", Closeness.CLOSE, CF.MONTHLY, "tutorials", ThereAt25.NOT_ASKED),
        _rel("Tariq and Ellie", RT.FRIEND, "housemates-to-be", Closeness.CLOSE, CF.DAILY, "uni", ThereAt25.MAYBE),
        _rel("Beth Lowry", RT.PERSONAL_ADVISER, "my PA", Closeness.CLOSE, CF.MONTHLY, "video calls, a visit each term",
             ThereAt25.NOT_ASKED, in_plan=True, phone="07700 900204"),
    ]
    p.education = Education(
        status=EetStatus.UNIVERSITY, provider="University of Northmoor", course="BA (Hons) Illustration, year 2",
        start=m.age(19, 9), expected_end=m.age(22, 7), year_round_housing=None, bursary=True,
        designated_contact="Care-experienced student adviser, Student Support",
        plans="Children's book illustration; a master's maybe.",
    )
    p.home = Home(
        current_type=HomeType.UNIVERSITY, current_name="Fenwick Hall", current_since=m.ago(months=4),
        suitability="Term-time room; contract ends in June. Nothing recorded for the summer.",
        planned_type=None, planned_description="Shared house with Tariq and Ellie from September (not signed yet).",
        fallback="",
    )
    p.staying_put = StayingPut(decision=Decision.AGREED, notes="Ended at Callum's 21st birthday.",
                               agreements=demo_agreements.callum(m))
    p.health = Health(physical="Healthy.", emotional_wellbeing="Low over holidays when halls empty out.",
                      services="University health centre.", gp_registered=True)
    p.money = Money(income="Student loan; higher education bursary; part-time job at the student union.",
                    bank_account=True, council_tax_exemption=True, local_offer_explained_on=m.age(17, 8),
                    savings="£400", debts="Student loan only.")
    _skills(p, {k: (CONF, "") for k in ("cooking", "food_shopping_budget", "cleaning_laundry", "bank_account",
                                        "using_transport", "registering_gp_dentist", "staying_safe_online")})
    _skills(p, {"paying_bills": (LEARN, "First time with a shared house."), "managing_tenancy": (LEARN, ""),
                "identity_documents": (CONF, "Passport renewed."), "getting_help_in_a_crisis": (CONF, "")})
    p.identity = Identity(own_words="Welsh border lad, artist, gamer.", ethnicity="White British", religion="None",
                          languages="English, a bit of Welsh", gender="Male", recorded_with_young_person=True)
    p.life_story = [
        LifeStoryEntry("University offer", "Linda cried more than me.", m.age(19, 2), LifeStoryKind.ACHIEVEMENT),
        LifeStoryEntry("My care file", "Read it with Beth over two sessions.", m.age(20, 3), LifeStoryKind.DOCUMENT),
    ]
    _areas(p, {
        Area.SUPPORT: ("I want to keep Beth until I finish uni.", "PA support extended to 25 at Callum's request.", []),
        Area.EDUCATION: ("I want to finish and do well.", "Strong; tutor supportive.", []),
        Area.EMPLOYMENT: ("Part-time job is fine for now.", "Union bar, 10 hours a week.", []),
        Area.CONTINGENCY: ("I don't know where I'd go in the summer.", "No summer housing yet — gap.", []),
        Area.ACCOMMODATION: ("I need somewhere for the summer and for next year.",
                             "Halls end in June. Year-round (52-week) housing not recorded; Staying Put ended at 21.",
                             [("Ask the university about 52-week accommodation", "Beth Lowry", m.ahead(days=21), NOT_STARTED),
                              ("Guarantor for the shared house (council scheme)", "Beth Lowry", m.ahead(months=2), NOT_STARTED)]),
        Area.RELATIONSHIPS: ("Linda and Jess.", "Strong; Christmas with Linda agreed.", []),
        Area.SKILLS: ("Bills in a shared house are new.", "Mostly confident.", []),
        Area.FINANCE: ("Money's tight in the summer.", "Bursary paid termly; summer is the gap.",
                       [("Check the higher education bursary summer payment", "Beth Lowry", m.ahead(months=1), IN_PROGRESS)]),
        Area.HEALTH: ("Holidays get me down.", "Plan for holiday loneliness.", []),
        Area.IDENTITY: ("Fine as it is.", "Life-story work completed with Beth.", []),
    })
    p.contingency = Contingency(plan="If nothing is found for the summer: emergency supported housing; Linda for a few nights.",
                                fallback_home="", who_to_call="Beth Lowry", own_words="I don't want to sofa-surf again.")
    p.reviews = [Review(m.ago(months=8), "Callum, Beth", "Year 1 done.", "Going well."),
                 Review(m.ago(months=2), "Callum, Beth, Linda", "Staying Put ending at 21; PA to 25 agreed.",
                        "Holidays worry me.")]
    p.advisers = [
        AdviserPeriod("Mark Dunn", "Northmoor Leaving Care Team", m.age(16, 0), m.age(18, 4),
                      "Mark moved to the 16+ team; handover meeting with Callum, Mark and Beth."),
        AdviserPeriod("Beth Lowry", "Northmoor Leaving Care Team", m.age(18, 4), None, ""),
    ]
    p.needs_assessment_done_on = m.age(16, 1)
    p.plan_agreed_on = m.age(16, 3)
    p.pa_support_to_25 = True
    return _stamp(p, m.key, today)


# --------------------------------------------------------------------------- (e) Dawit


def _dawit(today: date) -> Plan:
    m = _Maker("dawit-tekle", today, 17, 6, 0)
    arrived = m.age(15, 10)
    p = Plan()
    p.person = YoungPerson(
        given_name="ዳዊት", family_name="Tekle", preferred_name="Dawit", pronouns="he/him", date_of_birth=m.dob,
        phone="07700 900105", address="With Hiwet and Daniel Berhe, 3 Station Terrace, Northmoor",
        legal_status=LegalStatus.ACCOMMODATED_S20, local_authority=LA,
        date_of_birth_basis=DateOfBirthBasis.ASSESSED, age_assessed_on=arrived + timedelta(days=41),
        about_me_own_words="ስመይ ዳዊት እዩ። My name is Dawit. I want to study and be safe. I play football every day.",
        strengths="Hard-working, polite, learns fast; helps other new arrivals at college.",
        interests="Football, running, Eritrean music, church.",
        achievements="Entry 3 ESOL in one year; college football team.",
    )
    p.immigration = [
        ImmigrationMatter(
            status=ImmigrationStatus.ASYLUM_CLAIM_PENDING, since=arrived + timedelta(days=9),
            notes="Claim made on arrival; substantive interview held; waiting for a decision. "
                  "Solicitor: Kassa & Co (legal aid). If refused, appeal rights and a new solicitor check needed."),
    ]
    p.care_episodes = [
        CareEpisode(start=arrived, end=arrived + timedelta(days=23), home_type=HomeType.FOSTER,
                    legal_status=CareLegalStatus.ACCOMMODATED_S20, home_name="Emergency foster home (the Lees)",
                    notes="First home after arriving; not a short break."),
        CareEpisode(start=arrived + timedelta(days=23), home_type=HomeType.FOSTER, legal_status=CareLegalStatus.ACCOMMODATED_S20,
                    home_name="Hiwet and Daniel Berhe", notes="Tigrinya-speaking foster family."),
    ]
    p.relationships = [
        _rel("Hiwet Berhe", RT.FOSTER_CARER, "foster mother", Closeness.VERY_CLOSE, CF.DAILY, "lives with her",
             ThereAt25.YES, in_plan=True, brings="She cooks injera like home and speaks my language."),
        _rel("Daniel Berhe", RT.FOSTER_CARER, "foster father", Closeness.CLOSE, CF.DAILY, "lives with him",
             ThereAt25.MAYBE),
        _rel("Mother (name kept private)", RT.PARENT, "my mother, in Eritrea", Closeness.VERY_CLOSE, CF.NONE,
             "no contact since leaving; Dawit does not know if she is safe", ThereAt25.NOT_ASKED,
             keep="Red Cross family tracing — Dawit wants to start it.",
             safety="Do not contact family through channels that could put them at risk. Only the Red Cross."),
        _rel("Senait Tekle", RT.OTHER_FAMILY, "cousin in Leeds", Closeness.CLOSE, CF.MONTHLY, "phone; visited once",
             ThereAt25.YES),
        _rel("Yonas", RT.FRIEND, "friend from the journey", Closeness.VERY_CLOSE, CF.NONE, "", ThereAt25.NOT_ASKED,
             status=RelationshipStatus.ENDED, keep="Lost contact in France. Dawit would like to look for him."),
        _rel("Father Haile", RT.COMMUNITY, "priest at St Mary's Eritrean Orthodox church", Closeness.CLOSE, CF.WEEKLY,
             "Sunday service", ThereAt25.MAYBE),
        _rel("Sophie Turner", RT.OTHER_PROFESSIONAL, "my solicitor", Closeness.NOT_CLOSE, CF.FEW_TIMES_A_YEAR,
             "appointments with an interpreter", ThereAt25.NO),
        _rel("Leon Carter", RT.PERSONAL_ADVISER, "my PA", Closeness.CLOSE, CF.MONTHLY, "visits with an interpreter",
             ThereAt25.NOT_ASKED, in_plan=True),
    ]
    p.education = Education(
        status=EetStatus.COLLEGE, provider="Northmoor College", course="ESOL Level 1 with maths and IT",
        start=arrived + timedelta(days=60), expected_end=m.age(18, 4),
        plans="GCSE maths, then a Level 3 in engineering. Dreams of being an electrical engineer.",
    )
    p.home = Home(
        current_type=HomeType.FOSTER, current_name="Hiwet and Daniel Berhe", current_since=arrived + timedelta(days=23),
        suitability="Language, faith and food match; settled.",
        planned_type=HomeType.STAYING_PUT, planned_description="Stay with the Berhes after 18 if the claim allows.",
        fallback="If refused and support changes at 18: legal advice first; the Berhes have offered to help.",
    )
    p.staying_put = StayingPut(decision=Decision.DISCUSSING,
                               notes="Depends on the asylum decision and what support is available at 18.",
                               agreements=demo_agreements.dawit(m))
    p.health = Health(
        physical="Initial health assessment done; TB screen clear; vaccinations caught up.",
        emotional_wellbeing="Sleeps badly before Home Office letters. Worries about his mother.",
        mental_health="Referred to a refugee therapeutic service; first appointment soon.", mental_health_need=True,
        services="GP: Station Road Surgery; Refugee Wellbeing Service (with interpreter).",
        adult_services_transition="Refugee Wellbeing Service works with young people up to 25 — no gap at 18.",
        gp_registered=True,
    )
    p.money = Money(income="Weekly allowance.", bank_account=True, local_offer_explained_on=m.ago(months=2),
                    notes="Local offer explained with a Tigrinya interpreter; what changes if the claim is refused "
                          "has also been explained.")
    _skills(p, {"cooking": (CONF, "Cooks for the family on Sundays."), "cleaning_laundry": (CONF, ""),
                "using_transport": (CONF, ""), "bank_account": (LEARN, ""),
                "identity_documents": (LEARN, "ARC card; understands what documents are for."),
                "getting_help_in_a_crisis": (LEARN, "Knows to call the solicitor about any Home Office letter.")})
    p.identity = Identity(
        own_words="I am Eritrean, I am Tigrinya, I am Orthodox Christian. My name is ዳዊት. Please say it right: Da-wit.",
        ethnicity="Black African – Eritrean (Tigrinya)", religion="Eritrean Orthodox Tewahedo",
        languages="Tigrinya (first), Amharic (some), English (learning, ESOL Entry 3)",
        culture="Church every Sunday, Eritrean community events", gender="Male", recorded_with_young_person=True,
    )
    p.life_story = [
        LifeStoryEntry("Arriving in Northmoor", "I was very tired. The Lees gave me soup.", arrived, LifeStoryKind.MEMORY),
        LifeStoryEntry("Church", "First Sunday at St Mary's — someone knew my village.", arrived + timedelta(days=40),
                       LifeStoryKind.PLACE),
        LifeStoryEntry("ESOL Entry 3 certificate", "", m.age(17, 0), LifeStoryKind.ACHIEVEMENT),
    ]
    _areas(p, {
        Area.SUPPORT: ("Leon and the Berhes. Always with an interpreter for important things.",
                       "Interpreter at every review and PA visit about the plan.", []),
        Area.EDUCATION: ("I want GCSE maths and engineering.", "Excellent progress.",
                         [("Apply for GCSE maths for September", "Dawit with college", m.ahead(months=3), NOT_STARTED)]),
        Area.EMPLOYMENT: ("I want to work, but I know the rules.", "Cannot work while the claim is pending; volunteering is OK.",
                          [("Find volunteering at the community garden", "Leon Carter", m.ahead(months=2), NOT_STARTED)]),
        Area.CONTINGENCY: ("If the answer is no, what happens?", "Plan for a refusal: appeal, support at 18, who to call.",
                           [("Write a plan for a refusal with the solicitor", "Leon Carter with Sophie Turner",
                             m.ahead(days=30), IN_PROGRESS)]),
        Area.ACCOMMODATION: ("I want to stay with Hiwet and Daniel.", "Staying Put being discussed; depends on status.", []),
        Area.RELATIONSHIPS: ("I want to find my mother and Yonas.", "Family tracing is his wish; handle safely.",
                             [("Start British Red Cross family tracing", "Leon Carter", m.ahead(days=14), IN_PROGRESS)]),
        Area.SKILLS: ("I can cook and clean. English letters are hard.", "Help reading official letters.", []),
        Area.FINANCE: ("", "Allowance only; bank account open.", []),
        Area.HEALTH: ("I don't sleep when letters come.", "Therapeutic service starting.",
                      [("First appointment at the Refugee Wellbeing Service", "Dawit with Hiwet", m.ahead(days=9), NOT_STARTED)]),
        Area.IDENTITY: ("Say my name right.", "Name recorded in Ge'ez script and Latin letters.", []),
    })
    p.contingency = Contingency(
        plan="If the claim is refused: appeal through the solicitor; the local authority continues support while "
             "appeal rights run; the Berhes remain his home.",
        fallback_home="The Berhes", who_to_call="Sophie Turner (solicitor); Leon Carter",
        own_words="Call Sophie and Leon. Don't let me go to the Home Office alone.",
    )
    p.reviews = [Review(m.ago(months=3), "Dawit, Hiwet, Leon, social worker, IRO, Tigrinya interpreter",
                        "Pathway plan agreed; family tracing agreed.", "I am happy here. I want to know about my mother.")]
    p.advisers = [AdviserPeriod("Leon Carter", "Northmoor Leaving Care Team", m.age(16, 1), None, "")]
    p.needs_assessment_done_on = m.age(16, 2)
    p.plan_agreed_on = m.ago(months=3)
    p = _stamp(p, m.key, today)
    hiwet, daniel = p.relationships[0], p.relationships[1]
    # what Dawit says about the Berhes may go in the Staying Put papers; how he feels, not
    p.sharing = [
        SharingChoice(f"relationships[{hiwet.id}]", ShareAudience.FOSTER_CARER, True, m.ago(months=3)),
        SharingChoice(f"relationships[{daniel.id}]", ShareAudience.FOSTER_CARER, True, m.ago(months=3)),
        SharingChoice("support_areas[health].own_words", ShareAudience.FOSTER_CARER, False, m.ago(months=3)),
    ]
    return _stamp(p, m.key, today)


# --------------------------------------------------------------------------- (f) Shannon


def _shannon(today: date) -> Plan:
    m = _Maker("shannon-murphy", today, 19, 5, 2)
    ava_born = m.ago(months=7)
    p = Plan()
    p.person = YoungPerson(
        given_name="Shannon", family_name="Murphy", pronouns="she/her", date_of_birth=m.dob,
        phone="07700 900106", address="Flat 2, Haven Court, Northmoor", legal_status=LegalStatus.LEFT_CARE,
        local_authority=LA, parenting=Parenting.PARENT,
        parenting_notes="Daughter Ava, 7 months. Health visitor involved (universal). No children's services plan: "
                        "being care-experienced is not a reason for a referral on its own.",
        about_me_own_words="I'm a good mum. I want people to see that and stop waiting for me to fail.",
        strengths="Devoted to Ava; organised; asks for help when she needs it.",
        interests="Baby groups, walks by the canal, nail art.", achievements="Level 2 childcare (started before Ava).",
    )
    p.children = [Child(name="Ava", born_on=ava_born, lives_with_young_person=True)]
    p.care_episodes = [
        CareEpisode(start=m.age(13, 6), end=m.age(15, 2), home_type=HomeType.FOSTER, legal_status=CareLegalStatus.CARE_ORDER,
                    home_name="The Walkers"),
        CareEpisode(start=m.age(15, 2), end=m.age(18), home_type=HomeType.FOSTER, legal_status=CareLegalStatus.CARE_ORDER,
                    home_name="Sue Parry"),
    ]
    p.relationships = [
        _rel("Ava Murphy", RT.OTHER_FAMILY, "my daughter", Closeness.VERY_CLOSE, CF.DAILY, "lives with me", ThereAt25.YES),
        _rel("Sue Parry", RT.FOSTER_CARER, "my old foster carer", Closeness.VERY_CLOSE, CF.WEEKLY,
             "visits with Ava on Sundays", ThereAt25.YES, in_plan=True, brings="She's Ava's nana in all but name."),
        _rel("Jordan", RT.PARTNER, "Ava's dad (ex)", Closeness.NOT_CLOSE, CF.NONE, "", ThereAt25.NO,
             status=RelationshipStatus.ENDED,
             safety="Non-molestation order in place. Never share Shannon's address.",
             restrictions="No contact with Shannon. Any contact with Ava only through the family court."),
        _rel("Kerry Murphy", RT.PARENT, "my mum", Closeness.NOT_CLOSE, CF.RARELY, "text", ThereAt25.NOT_ASKED),
        _rel("Jade", RT.FRIEND, "from baby group", Closeness.CLOSE, CF.WEEKLY, "baby group, WhatsApp", ThereAt25.MAYBE),
        _rel("Anna Kowalski", RT.PERSONAL_ADVISER, "my PA", Closeness.CLOSE, CF.MONTHLY, "visits, texts",
             ThereAt25.NOT_ASKED, in_plan=True),
    ]
    p.education = Education(status=EetStatus.OTHER, plans="Back to college for Level 3 childcare when Ava is one; "
                            "the college nursery has a place.")
    p.home = Home(
        current_type=HomeType.SUPPORTED_HOUSING, current_name="Haven Court (flats for young parents)",
        current_since=m.ago(months=9), suitability="Safe, staff on site, other young mums. Time-limited to 2 years.",
        planned_type=HomeType.OWN_TENANCY, planned_description="Two-bedroom council flat near Sue and the college nursery.",
        planned_move_date=m.ahead(months=5), fallback="Haven Court place held until the tenancy starts.",
    )
    p.health = Health(physical="Recovered well after Ava's birth.", emotional_wellbeing="Tired but happy; some low days.",
                      mental_health="Screened for postnatal depression — no concerns; health visitor keeps checking.",
                      services="GP, health visitor, baby clinic.", gp_registered=True)
    p.money = Money(income="Universal Credit with child element; Child Benefit.", bank_account=True,
                    council_tax_exemption=True, local_offer_explained_on=m.ago(years=1), savings="£120",
                    debts="Budgeting advance being repaid.")
    _skills(p, {k: (CONF, "") for k in ("cooking", "food_shopping_budget", "cleaning_laundry", "bank_account",
                                        "registering_gp_dentist", "using_transport", "getting_help_in_a_crisis")})
    _skills(p, {"paying_bills": (LEARN, ""), "managing_tenancy": (LEARN, "Tenancy course booked for next month.")})
    p.identity = Identity(own_words="Northmoor born and bred. Irish Catholic family, but I'm not religious. Mum first.",
                          ethnicity="White British", religion="None", languages="English", gender="Female",
                          recorded_with_young_person=True)
    p.life_story = [LifeStoryEntry("Ava was born", "7lb 2oz. Sue was there.", ava_born, LifeStoryKind.MEMORY)]
    _areas(p, {
        Area.SUPPORT: ("Anna and Sue.", "Monthly PA visits; Sue weekly.", []),
        Area.EDUCATION: ("College when Ava's one.", "Nursery place secured.",
                         [("Apply for Level 3 childcare", "Shannon", m.ahead(months=3), NOT_STARTED)]),
        Area.EMPLOYMENT: ("Nursery work one day.", "", []),
        Area.CONTINGENCY: ("If the flat falls through I stay at Haven Court.", "Place held.", []),
        Area.ACCOMMODATION: ("A flat near Sue with a room for Ava.", "Council flat offer expected; Haven Court held.",
                             [("Housing register banding review", "Anna Kowalski", m.ahead(days=20), IN_PROGRESS)]),
        Area.RELATIONSHIPS: ("Sue is family.", "Safety plan in place about Jordan.", []),
        Area.SKILLS: ("I can do it all — bills are the new bit.", "Tenancy course booked.",
                      [("Tenancy course", "Shannon", m.ahead(months=1), NOT_STARTED)]),
        Area.FINANCE: ("Money is tight with Ava.", "Check all benefits; setting-up-home allowance for the new flat.",
                       [("Benefits check with the welfare rights adviser", "Anna Kowalski", m.ahead(days=30), NOT_STARTED)]),
        Area.HEALTH: ("I'm alright. Tired.", "Health visitor involved; no concerns.", []),
        Area.IDENTITY: ("", "Recorded with Shannon.", []),
    })
    p.contingency = Contingency(plan="Stay at Haven Court; Sue as emergency support.", fallback_home="Haven Court",
                                who_to_call="Anna Kowalski; Haven Court staff; police if Jordan comes",
                                own_words="Sue first, then Anna.")
    p.reviews = [Review(m.ago(months=6), "Shannon, Anna", "Ava born; settled at Haven Court.", "I'm doing OK."),
                 Review(m.ago(days=20), "Shannon, Anna, Haven Court key worker", "Housing moving forward.", "I want my own place.")]
    p.advisers = [
        AdviserPeriod("Craig Bell", "Northmoor Leaving Care Team", m.age(16, 0), m.age(17, 2), ""),
        AdviserPeriod("Nina Shah", "Northmoor Leaving Care Team", m.age(17, 2), m.age(18, 1), "Handover by email only."),
        AdviserPeriod("Anna Kowalski", "Northmoor Leaving Care Team", m.age(18, 1), None,
                      "Joint visit with Nina before handover was planned but did not happen."),
    ]
    p.needs_assessment_done_on = m.age(16, 1)
    p.plan_agreed_on = m.age(16, 3)
    return _stamp(p, m.key, today)


# --------------------------------------------------------------------------- (g) Tom


def _tom(today: date) -> Plan:
    m = _Maker("tom-whitfield", today, 18, 4, 15)
    p = Plan()
    p.person = YoungPerson(
        given_name="Thomas", family_name="Whitfield", preferred_name="Tom", pronouns="he/him", date_of_birth=m.dob,
        phone="07700 900107", address="With Karen and Steve Lowe, 22 Beech Road, Northmoor",
        legal_status=LegalStatus.LEFT_CARE, local_authority=LA,
        about_me_own_words="I'm an apprentice electrician. Karen and Steve are my family.",
        strengths="Steady, practical, great with the Lowes' younger foster children.",
        interests="Rugby, fishing with Steve, fixing things.", achievements="Apprentice of the month (twice).",
    )
    p.care_episodes = [CareEpisode(start=m.age(8, 0), end=m.age(18), home_type=HomeType.FOSTER,
                                   legal_status=CareLegalStatus.CARE_ORDER, home_name="Karen and Steve Lowe")]
    p.relationships = [
        _rel("Karen Lowe", RT.FOSTER_CARER, "Mum (foster carer)", Closeness.VERY_CLOSE, CF.DAILY, "lives with her",
             ThereAt25.YES, in_plan=True),
        _rel("Steve Lowe", RT.FOSTER_CARER, "Dad (foster carer)", Closeness.VERY_CLOSE, CF.DAILY, "lives with him",
             ThereAt25.YES, in_plan=True),
        _rel("Lily Whitfield", RT.SIBLING, "my sister, 15, in another foster home", Closeness.CLOSE, CF.MONTHLY,
             "meets in town; calls", ThereAt25.YES),
        _rel("Gary Moss", RT.MENTOR, "site supervisor", Closeness.CLOSE, CF.WEEKLY, "work", ThereAt25.MAYBE),
        _rel("Priya Nair", RT.PERSONAL_ADVISER, "my PA", Closeness.CLOSE, CF.FEW_TIMES_A_YEAR, "visits every two months",
             ThereAt25.NOT_ASKED, in_plan=True),
    ]
    p.education = Education(status=EetStatus.APPRENTICESHIP, provider="Northmoor Electrical Ltd with Northmoor College",
                            course="Level 3 Electrotechnical apprenticeship", start=m.age(16, 10),
                            expected_end=m.age(20, 10), plans="Qualified electrician; maybe his own firm.")
    p.home = Home(current_type=HomeType.STAYING_PUT, current_name="Karen and Steve Lowe", current_since=m.age(18),
                  suitability="His home for ten years.", planned_type=None,
                  planned_description="Staying Put to 21, then renting near work.", fallback="")
    p.staying_put = StayingPut(decision=Decision.AGREED, notes="Agreed at the 17-year review.",
                               agreements=demo_agreements.tom(m))
    p.health = Health(physical="Healthy.", emotional_wellbeing="Settled.", services="GP registered.", gp_registered=True)
    p.money = Money(income="Apprentice wage.", bank_account=True, council_tax_exemption=None,
                    local_offer_explained_on=m.age(17, 6), savings="£1,200 towards a van.")
    _skills(p, {k: (CONF, "") for k in ("cooking", "cleaning_laundry", "bank_account", "using_transport",
                                        "registering_gp_dentist", "identity_documents", "getting_help_in_a_crisis")})
    _skills(p, {"paying_bills": (LEARN, ""), "food_shopping_budget": (LEARN, ""), "managing_tenancy": (NS, "")})
    p.identity = Identity(own_words="Just Tom.", ethnicity="White British", religion="None", languages="English",
                          gender="Male", recorded_with_young_person=True)
    p.life_story = [LifeStoryEntry("Ten years with the Lowes", "Party in the garden.", m.age(18), LifeStoryKind.MEMORY)]
    _areas(p, {
        Area.SUPPORT: ("The Lowes and Priya.", "Staying Put working well.", []),
        Area.EDUCATION: ("Pass my Level 3.", "On track.", []),
        Area.EMPLOYMENT: ("Stay with my firm.", "Employer very positive.", []),
        Area.CONTINGENCY: ("I'd go to a mate's.", "Not needed now; Priya to plan with Tom.", []),
        Area.ACCOMMODATION: ("Stay till 21.", "Staying Put agreed to the 21st birthday.",
                             [("Staying Put review", "Priya Nair", m.ahead(months=2), NOT_STARTED)]),
        Area.RELATIONSHIPS: ("Keep seeing Lily.", "Monthly sibling time.", []),
        Area.SKILLS: ("Bills and renting.", "Learning.", []),
        Area.FINANCE: ("Save for a van.", "Saving well.", [("Apply for council tax exemption", "Priya Nair", m.ahead(days=20), NOT_STARTED)]),
        Area.HEALTH: ("Fine.", "No needs.", []),
        Area.IDENTITY: ("", "", []),
    })
    p.contingency = Contingency(plan="If Staying Put ends early: supported lodgings near work.",
                                fallback_home="Supported lodgings", who_to_call="Priya Nair")
    p.reviews = [Review(m.ago(months=5), "Tom, Karen, Steve, Priya", "Staying Put started.", "All good.")]
    p.advisers = [AdviserPeriod("Priya Nair", "Northmoor Leaving Care Team", m.age(16, 1), None, "")]
    p.needs_assessment_done_on = m.age(16, 1)
    p.plan_agreed_on = m.age(16, 3)
    return _stamp(p, m.key, today)


# --------------------------------------------------------------------------- (h) Mia


def _mia(today: date) -> Plan:
    m = _Maker("mia-lawson", today, 16, 5, 8)
    p = Plan()
    p.person = YoungPerson(
        given_name="Mia", family_name="Lawson", pronouns="she/they", date_of_birth=m.dob,
        phone="07700 900108", address="With Jean Lawson (Nan), 8 Fern Street, Northmoor",
        legal_status=LegalStatus.CARE_ORDER, local_authority=LA,
        about_me_own_words="Nan's house is home. I'm into music and I'm working out who I am.",
        strengths="Musical, thoughtful, protective of her nan.", interests="Guitar, writing songs, skateboarding.",
        achievements="Grade 4 guitar; performed at the school concert.",
    )
    p.care_episodes = [CareEpisode(start=m.age(12, 3), home_type=HomeType.KINSHIP, legal_status=CareLegalStatus.CARE_ORDER,
                                   home_name="Jean Lawson (grandmother), approved kinship foster carer")]
    p.relationships = [
        _rel("Jean Lawson", RT.KINSHIP_CARER, "my nan", Closeness.VERY_CLOSE, CF.DAILY, "lives with her", ThereAt25.YES,
             in_plan=True, brings="She'd do anything for me.",
             keep="Nan is 71; Mia worries about her health. Special guardianship talked about but Nan wants "
                  "to keep the fostering support."),
        _rel("Darren Lawson", RT.PARENT, "my dad", Closeness.NOT_CLOSE, CF.NONE, "", ThereAt25.NOT_ASKED,
             status=RelationshipStatus.ENDED,
             safety="Risk to Mia and Jean. Police marker on Fern Street.",
             restrictions="No contact. Do not share where Mia goes to school or her phone number."),
        _rel("Kirsty Lawson", RT.PARENT, "my mum", Closeness.CLOSE, CF.MONTHLY, "supervised visits, phone",
             ThereAt25.MAYBE),
        _rel("Ryan Lawson", RT.SIBLING, "older half-brother, 20", Closeness.CLOSE, CF.RARELY, "Snapchat sometimes",
             ThereAt25.NOT_ASKED, keep="Mia would like more contact; nothing planned yet."),
        _rel("Ms Okoro", RT.TEACHER, "music teacher", Closeness.CLOSE, CF.WEEKLY, "school", ThereAt25.NOT_ASKED),
    ]
    p.education = Education(status=EetStatus.SCHOOL, provider="Fern Street Academy", course="Year 12: Music, English, Psychology",
                            start=m.age(16, 1), expected_end=m.age(18, 1), plans="Music college or a music technology degree.")
    p.home = Home(current_type=HomeType.KINSHIP, current_name="Nan's (Jean Lawson)", current_since=m.age(12, 3),
                  suitability="Loving and stable; small house; Nan's mobility getting worse.",
                  fallback="Aunt Claire has offered a room if Nan is unwell.")
    p.staying_put = StayingPut(decision=Decision.DISCUSSING,
                               notes="Staying Put applies to kinship foster carers too; Nan wants it.",
                               agreements=demo_agreements.mia(m))
    p.health = Health(physical="Healthy.", emotional_wellbeing="Anxious about Nan's health.",
                      mental_health="School counsellor weekly.", services="GP: Fern Street Surgery", gp_registered=True)
    p.money = Money(income="Pocket money; 16–19 bursary.", bank_account=False)
    _skills(p, {"cooking": (LEARN, "Cooks tea twice a week."), "using_transport": (CONF, ""),
                "staying_safe_online": (CONF, "")})
    p.identity = Identity(own_words="Still working it out. Pronouns she/they.", ethnicity="White British",
                          religion="None", languages="English", gender="Exploring", sexuality="Prefers not to say",
                          recorded_with_young_person=True)
    p.life_story = [LifeStoryEntry("Moving to Nan's", "", m.age(12, 3), LifeStoryKind.PLACE)]
    _areas(p, {
        Area.SUPPORT: ("Nan and my PA when I get one.", "Eligible; PA allocated from 16.", []),
        Area.EDUCATION: ("Music!", "Doing well.", []),
        Area.EMPLOYMENT: ("Busking?", "", []),
        Area.CONTINGENCY: ("If Nan gets ill I'd go to Aunt Claire.", "Aunt Claire to be assessed.",
                           [("Viability assessment of Aunt Claire as back-up", "Social worker", m.ahead(months=2), IN_PROGRESS)]),
        Area.ACCOMMODATION: ("Stay with Nan.", "Staying Put being discussed.", []),
        Area.RELATIONSHIPS: ("More time with Ryan.", "Sibling contact rare; no plan yet.", []),
        Area.SKILLS: ("Learning to cook.", "", []),
        Area.FINANCE: ("I need a bank account.", "", [("Open a bank account", "Jean with Mia", m.ahead(months=1), NOT_STARTED)]),
        Area.HEALTH: ("Worried about Nan.", "Counselling in school.", []),
        Area.IDENTITY: ("I'll tell you when I'm ready.", "Respect Mia's pace.", []),
    })
    p.contingency = Contingency(plan="Aunt Claire if Nan is unwell; emergency foster care near school otherwise.",
                                fallback_home="Aunt Claire's", who_to_call="Social worker; emergency duty team")
    p.reviews = [Review(m.ago(months=2), "Mia, Jean, social worker, IRO", "Needs assessment done.", "I want to stay with Nan.")]
    p.advisers = [AdviserPeriod("Olu Bakare", "Northmoor Leaving Care Team", m.age(16, 2), None,
                                "Introduced by the social worker at Nan's.")]
    p.needs_assessment_done_on = m.age(16, 2)
    return _stamp(p, m.key, today)


# --------------------------------------------------------------------------- public


#: (key, builder) in the order the demo lists them.
_BUILDERS = (
    ("kayla-brennan", _kayla),
    ("reece-tanner", _reece),
    ("nadia-hussain", _nadia),
    ("callum-price", _callum),
    ("dawit-tekle", _dawit),
    ("shannon-murphy", _shannon),
    ("tom-whitfield", _tom),
    ("mia-lawson", _mia),
)

DEMO_KEYS: tuple[str, ...] = tuple(k for k, _b in _BUILDERS)


#: How to reach each demo adviser (fictional numbers from Ofcom's drama range).
_ADVISER_CONTACTS = {
    "Leon Carter": ("07700 900201", "leon.carter@northmoor.example"),
    "Gemma Fox": ("07700 900202", "gemma.fox@northmoor.example"),
    "Priya Nair": ("07700 900203", "priya.nair@northmoor.example"),
    "Olu Bakare": ("07700 900204", "olu.bakare@northmoor.example"),
    "Mark Dunn": ("07700 900205", "mark.dunn@northmoor.example"),
    "Beth Lowry": ("07700 900206", "beth.lowry@northmoor.example"),
    "Craig Bell": ("07700 900207", "craig.bell@northmoor.example"),
    "Nina Shah": ("07700 900208", "nina.shah@northmoor.example"),
    "Anna Kowalski": ("07700 900209", "anna.kowalski@northmoor.example"),
}

#: How each demo plan was agreed: (their view, their comments, advocacy offered, advocate,
#: interpreter used, language, reviewing officer, copies to).
_SIGN_OFF = {
    "kayla-brennan": (PlanView.AGREE, "It's right. I want Nan in it more though.", True, "", False, "",
                      "Ruth Adeyemi (IRO)", "Kayla\nNan (Jean Lawson), with Kayla's agreement\nLeon Carter (PA)"),
    "reece-tanner": (PlanView.PARTLY, "I don't want to move in September. The rest is fine.", True,
                     "Sam Ortiz, Voices advocacy", False, "", "", "Reece\nPriya Nair (PA)\nSam Ortiz (advocate)"),
    "dawit-tekle": (PlanView.AGREE, "Thank you. I want to find my mother.", True, "", True, "Tigrinya",
                    "Ruth Adeyemi (IRO)", "Dawit\nHiwet and Daniel Berhe\nLeon Carter (PA)\nSophie Turner (solicitor)"),
    "mia-lawson": (PlanView.NOT_ASKED, "", None, "", None, "", "", ""),
}


def _contacts_and_sign_off(key: str, plan: Plan) -> Plan:
    for a in plan.advisers:
        a.phone, a.email = _ADVISER_CONTACTS.get(a.name, ("", ""))
    if key in _SIGN_OFF:
        view, words, advocacy, advocate, interp, lang, iro, copies = _SIGN_OFF[key]
        plan.sign_off = SignOff(view, words, advocacy, advocate, interp, lang, iro, copies)
    return plan


def demo_plans(today: date) -> list[Plan]:
    """The demo young people as they would be on ``today`` (fresh objects every call)."""
    return [_contacts_and_sign_off(key, build(today)) for key, build in _BUILDERS]


def demo_ids() -> list[str]:
    """The fixed plan identifiers of the demo young people."""
    return [plan_id(k) for k in DEMO_KEYS]
