"""Made-up but realistic young people's plans, for benchmarks and tests (never real people).

``synthetic_plan(rng, today)`` gives a valid plan: a name from one of many cultures (some in
Arabic, Ge'ez, Chinese, Bengali, Greek or Cyrillic script), a care history of homes one after
another, people who matter, support-plan actions, reviews, adviser history and responses to
prompts. ``size="heavy"`` gives the biggest plan the benchmarks expect a PA to keep (100
people, 200 actions, 50 life-story entries, 20 reviews).

Everything comes from ``rng``, including record ids, so a seed always gives the same plan.
Not shipped with the app (the wheel holds ``pathway_app`` only); the tests reach it through
``tests/builders.py``.
"""

from __future__ import annotations

import random
import uuid
from datetime import UTC, date, datetime, time, timedelta

from pathway_app.domain.dates import birthday
from pathway_app.domain.model import (
    Action,
    AdviserPeriod,
    CareEpisode,
    Carer,
    HouseRule,
    ImmigrationMatter,
    LifeStoryEntry,
    Plan,
    PromptResponse,
    Relationship,
    Review,
    SharingChoice,
    Skill,
    StayingCloseAgreement,
    StayingCloseContact,
    StayingPutAgreement,
    SupportArea,
)
from pathway_app.domain.validation import validate
from pathway_app.domain.vocab import (
    SCHEDULE_1_AREAS,
    SKILL_KEYS,
    ActionStatus,
    CareLegalStatus,
    Closeness,
    ContactFrequency,
    Decision,
    EetStatus,
    HomeType,
    HouseRuleTopic,
    ImmigrationStatus,
    LegalStatus,
    LifeStoryKind,
    Parenting,
    PromptAnswer,
    RelationshipStatus,
    RelationshipType,
    ShareAudience,
    SkillLevel,
    ThereAt25,
)

SIZES = {
    # relationships, actions, life story, reviews, advisers, prompt responses
    "small": (3, 4, 2, 1, 1, 1),
    "typical": (12, 25, 8, 4, 2, 6),
    "heavy": (100, 200, 50, 20, 4, 30),
}

# (given names, family names, local authority flavour) by culture; some in their own script.
NAMES: list[tuple[tuple[str, ...], tuple[str, ...]]] = [
    (("Olivia", "Jack", "Chloe", "Kai", "Ellie", "Tyler", "Jade", "Callum"),
     ("Smith", "Taylor", "O'Brien", "Walsh", "Hughes", "Evans", "McAllister")),
    (("Aaliyah", "Tyrone", "Shanice", "Marcus", "Keisha", "Jermaine"),
     ("Campbell", "Brown", "Francis", "Clarke", "Beckford")),
    (("Amira", "Omar", "Yusuf", "Layla", "Hassan", "Noor"),
     ("Haddad", "Al-Sayed", "Khalil", "Mansour")),
    (("أمل", "محمد", "فاطمة", "يوسف", "زينب"),
     ("الحسيني", "عبد الله", "النجار")),
    (("Abdi", "Hodan", "Ayaan", "Farhiya", "Mohamed"),
     ("Warsame", "Hussein", "Abdullahi", "Farah")),
    (("ሰናይት", "ዳዊት", "ሄለን", "ፍሬወይኒ", "ተስፋይ"),
     ("ገብረሂወት", "ተኽለ", "ሃብተማርያም")),
    (("Senait", "Dawit", "Filmon", "Selam"),
     ("Tesfay", "Gebremariam", "Haile", "Berhane")),
    (("Zainab", "Imran", "Ayesha", "Bilal", "Hamza"),
     ("Khan", "Hussain", "Begum", "Chaudhry", "Akhtar")),
    (("তানিয়া", "রাহুল", "নুসরাত"), ("আহমেদ", "চৌধুরী", "রহমান")),
    (("Ahmad", "Zahra", "Mustafa", "Shabnam"), ("Rahimi", "Karimi", "Ahmadzai", "Noori")),
    (("Karwan", "Rojin", "Dilan", "Hêvî"), ("Mahmoud", "Zebari", "Barzani")),
    (("Kacper", "Zuzanna", "Łukasz", "Wiktoria"), ("Nowak", "Kowalczyk", "Wiśniewski", "Wójcik")),
    (("Andreea", "Ionuț", "Ștefania", "Florin"), ("Popescu", "Ionescu", "Dumitrescu")),
    (("Дмитро", "Олена", "Софія", "Артем"), ("Шевченко", "Коваленко", "Бондаренко")),
    (("Γιώργος", "Ελένη", "Νίκος"), ("Παπαδόπουλος", "Οικονόμου")),
    (("Wei", "Mei", "Jun", "Xiu"), ("Chen", "Li", "Wong", "Zhang")),
    (("伟", "美玲", "俊杰"), ("陈", "李", "王")),
    (("Linh", "Minh", "Thảo", "Quang"), ("Nguyễn", "Trần", "Phạm", "Lê")),
    (("Chiamaka", "Tobi", "Adaeze", "Kwame", "Ama"), ("Okafor", "Adeyemi", "Mensah", "Boateng")),
    (("Priya", "Arjun", "Simran", "Harpreet"), ("Patel", "Sharma", "Singh", "Gill")),
    (("Tyson", "Lacey", "Jimmy", "Roseanne"), ("Lee", "Boswell", "Price", "Lovell")),
]

AUTHORITIES = ("Leeds", "Bristol", "Birmingham", "Kent", "Manchester", "Hackney", "Cornwall",
               "Newcastle upon Tyne", "Croydon", "Norfolk", "Sheffield", "Lambeth")
PRONOUNS = ("she/her", "he/him", "they/them", "", "")
CARE_TYPES = (HomeType.FOSTER, HomeType.FOSTER, HomeType.FOSTER, HomeType.KINSHIP, HomeType.RESIDENTIAL,
              HomeType.RESIDENTIAL, HomeType.SEMI_INDEPENDENT, HomeType.SUPPORTED_LODGINGS)
CARE_LEGAL = (LegalStatus.CARE_ORDER, LegalStatus.CARE_ORDER, LegalStatus.ACCOMMODATED_S20,
              LegalStatus.INTERIM_CARE_ORDER)
HOME_NAMES = ("the Okafor family", "Elm House", "Nan's", "Brook Lodge", "the Smiths", "Riverside",
              "Aunt Jo's", "Maple Court", "the Patels", "Cedar View", "Highfield", "Willow Way")
PEOPLE = ("Mum", "Dad", "Nan", "Grandad", "Auntie Sue", "Uncle Ray", "my brother", "my sister",
          "Becky", "Jordan", "Mr Ahmed", "Ms Clarke", "Coach Dan", "Pastor James", "Imam Yusuf",
          "Leah", "Kofi", "Maya", "Tom (old key worker)", "Sam", "Priya", "Liam")
REL_DESCRIPTIONS = ("my big sister", "my old foster carer", "best mate from school", "my key worker at Elm House",
                    "the person I call when things go wrong", "my little brother, adopted", "my nan", "my coach")
ACTION_WHATS = ("Apply for provisional driving licence", "Open a bank account", "Register with a GP near the new flat",
                "Visit the college open day", "Go to the Staying Close taster weekend", "Sort out passport renewal",
                "Practise cooking three meals", "Book dentist check-up", "Meet the housing officer",
                "Apply for the care leaver bursary", "Set up Universal Credit claim", "Make a life story book page",
                "Arrange contact with my brother", "Talk to Nan about Sunday dinners after the move",
                "Find a mentor through the local scheme", "Get a bus pass", "Look at apprenticeships",
                "Learn how to pay bills online", "Check council tax exemption", "Sign up for counselling")
WHO = ("Young person", "PA", "Foster carer", "Social worker", "Key worker", "College", "PA and young person")
LIFE_TITLES = ("My first day at school", "Moving to Elm House", "Winning the football cup", "Baby photo",
               "Birth certificate", "Holiday at the seaside", "Meeting my sister again", "GCSE results day",
               "My first job", "Eid with my foster family", "Learning to ride a bike", "Christmas 2019")
NOTES = ("Doing well; wants more say in the plan.",
         "Finds change hard. Needs time to get used to new people.",
         "أريد أن أبقى قريبًا من أختي",  # "I want to stay close to my sister"
         "Loves music 🎵 and football ⚽; plays every Saturday.",
         "Worried about money after 18. Wants help budgeting.",
         "Talked about what home means — wants somewhere with a garden.",
         "ሓፍተይ ክርእያ እደሊ",  # Tigrinya: "I want to see my sister"
         "Proud of passing maths 🎉")


def _rid(rng: random.Random) -> str:
    return str(uuid.UUID(int=rng.getrandbits(128), version=4))


def _day_between(rng: random.Random, lo: date, hi: date) -> date:
    if hi <= lo:
        return lo
    return lo + timedelta(days=rng.randrange((hi - lo).days + 1))


def _moment(rng: random.Random, d: date) -> datetime:
    return datetime.combine(d, time(rng.randrange(8, 19), rng.randrange(60), rng.randrange(60)), UTC)


def synthetic_plan(rng: random.Random, today: date, size: str = "typical") -> Plan:
    """A realistic, valid plan drawn from ``rng`` ("small", "typical" or "heavy")."""
    n_rel, n_act, n_life, n_rev, n_adv, n_prompt = SIZES[size]
    plan = Plan(id=_rid(rng))
    givens, families = rng.choice(NAMES)
    p = plan.person
    p.given_name = rng.choice(givens)
    p.family_name = rng.choice(families)
    if rng.random() < 0.2:
        p.preferred_name = p.given_name[:3] if len(p.given_name) > 4 else rng.choice(givens)
    p.pronouns = rng.choice(PRONOUNS)
    age_days = rng.randrange(15 * 365 + 30, 24 * 365)
    dob = today - timedelta(days=age_days)
    p.date_of_birth = dob
    p.phone = f"07{rng.randrange(100, 999)} {rng.randrange(100000, 999999)}"
    if rng.random() < 0.6:
        p.email = f"yp{rng.randrange(10**6)}@example.org"
    p.address = f"{rng.randrange(1, 200)} {rng.choice(('High Street', 'Park Road', 'Church Lane', 'Mill Way'))}"
    p.local_authority = rng.choice(AUTHORITIES)
    p.legal_status = rng.choice(CARE_LEGAL)
    if givens is NAMES[5][0] or givens is NAMES[9][0] or rng.random() < 0.15:
        status = rng.choice(
            (ImmigrationStatus.REFUGEE, ImmigrationStatus.ASYLUM_CLAIM_PENDING, ImmigrationStatus.LIMITED_LEAVE)
        )
        plan.immigration = [ImmigrationMatter(  # its id from the plan's, so the rng's sequence is unchanged
            status=status, notes="Arrived as an unaccompanied child; solicitor is helping with the claim.",
            id=str(uuid.uuid5(uuid.UUID(plan.id), "immigration")))]
    if rng.random() < 0.08:
        p.parenting = Parenting.PARENT
        p.parenting_notes = "Has a baby daughter; wants a flat near the family centre."
    p.youth_justice = rng.random() < 0.1
    p.about_me_own_words = rng.choice(NOTES)
    p.strengths = "Kind, funny, good with younger children."
    p.interests = rng.choice(("football", "drawing, anime", "music production", "cooking", "gaming, basketball"))
    p.achievements = rng.choice(("Duke of Edinburgh bronze", "Passed GCSE English", "Player of the season", ""))

    # care history: homes one after another, from some age between 4 and 16
    d16, d18 = birthday(dob, 16), birthday(dob, 18)
    start = _day_between(rng, birthday(dob, 4), min(d16, today - timedelta(days=30)))
    leave = min(d18, today)
    episodes = []
    while start < leave:
        length = rng.randrange(60, 1200)
        end = start + timedelta(days=length)
        last = end >= leave
        if last:
            end = d18 if d18 <= today else None
        home = rng.choice(CARE_TYPES)
        episodes.append(
            CareEpisode(start=start, end=end, home_type=home, legal_status=CareLegalStatus(p.legal_status.value),
                        home_name=rng.choice(HOME_NAMES), notes=rng.choice(("", "Settled well.", "Moved after a breakdown.")),
                        id=_rid(rng))
        )
        if last or end is None:
            break
        start = end + timedelta(days=rng.choice((0, 0, 0, 14, 90)))
    plan.care_episodes = episodes
    in_care = bool(episodes) and episodes[-1].end is None

    for i in range(n_rel):
        rtype = rng.choice(list(RelationshipType))
        plan.relationships.append(Relationship(
            name=rng.choice(PEOPLE) + (f" {i}" if i >= len(PEOPLE) else ""),
            relationship_type=rtype,
            description=rng.choice(REL_DESCRIPTIONS),
            closeness=rng.choice(list(Closeness)),
            contact_frequency=rng.choice(list(ContactFrequency)),
            contact_means=rng.choice(("visits", "phone", "video calls", "WhatsApp", "letters")),
            there_at_25=rng.choice(list(ThereAt25)),
            status=rng.choice((RelationshipStatus.CONTINUING, RelationshipStatus.CONTINUING, RelationshipStatus.ENDING)),
            keep_in_touch_plan=rng.choice(("", "Sunday dinner once a month", "Bus pass to visit")),
            in_support_plan=rng.random() < 0.3,
            what_they_bring=rng.choice(("", "Always listens", "Helps with forms", "Makes me laugh")),
            safety_notes="Supervised contact only." if rng.random() < 0.05 else "",
            phone=f"07{rng.randrange(100, 999)} {rng.randrange(100000, 999999)}" if rng.random() < 0.5 else "",
            id=_rid(rng),
        ))

    e = plan.education
    e.status = rng.choice(list(EetStatus))
    e.provider = rng.choice(("City College", "Park Academy", "University of Leeds", "Kwik Fit apprenticeships", ""))
    e.course = rng.choice(("Level 2 Catering", "A levels", "Motor vehicle", "BSc Nursing", ""))
    e.start = _day_between(rng, today - timedelta(days=700), today)
    e.expected_end = e.start + timedelta(days=rng.randrange(200, 1100))
    e.plans = "Wants to be a chef." if rng.random() < 0.5 else "Not sure yet; interested in youth work."

    h = plan.home
    if in_care and episodes:
        h.current_type = episodes[-1].home_type
        h.current_name = episodes[-1].home_name
        h.current_since = episodes[-1].start
    else:
        h.current_type = rng.choice((HomeType.OWN_TENANCY, HomeType.SUPPORTED_HOUSING, HomeType.STAYING_PUT,
                                     HomeType.UNIVERSITY))
        h.current_name = "Flat 3, " + rng.choice(("Mill Way", "Tower View", "Canal Street"))
        h.current_since = _day_between(rng, min(d18, today), today)
    h.suitability = "Near college and Nan's; safe area; bills explained."
    if rng.random() < 0.4:
        h.planned_type = rng.choice((HomeType.OWN_TENANCY, HomeType.SUPPORTED_HOUSING, HomeType.STAYING_CLOSE))
        h.planned_move_date = _day_between(rng, today, today + timedelta(days=300))
        h.planned_description = "A one-bedroom flat with floating support."
        h.fallback = "Current home can stay open for four weeks if the move doesn't work out."

    sp = plan.staying_put
    if any(ep.home_type is HomeType.FOSTER for ep in episodes) and rng.random() < 0.4:
        sp.decision = rng.choice((Decision.AGREED, Decision.DISCUSSING, Decision.NOT_WANTED))
        names = rng.choice((("Mrs Okafor",), ("Jo Smith", "Pete Smith"), ("Auntie Grace",)))
        sp.agreements = [StayingPutAgreement(
            carers=[Carer(name=n, id=_rid(rng)) for n in names], start=d18,
            end=_day_between(rng, d18, birthday(dob, 21)),
            contribution="£70 a week towards board.", carer_payment="The Staying Put allowance.",
            house_rules=[HouseRule(topic=t, same_as_before=True, id=_rid(rng)) for t in HouseRuleTopic if t is not HouseRuleTopic.OWN],
            id=_rid(rng),
        )]
    sc = plan.staying_close
    if any(ep.home_type is HomeType.RESIDENTIAL for ep in episodes) and rng.random() < 0.5:
        sc.decision = rng.choice((Decision.AGREED, Decision.DISCUSSING))
        sc.agreements = [StayingCloseAgreement(
            home_name="Elm House", new_home="Flat 2, Station Road", distance="Ten minutes' walk", start=d18,
            end=_day_between(rng, d18, birthday(dob, 25)),
            come_back_meals="Sunday dinner at Elm House.", come_back_hard_times="Can stay over if things get hard.",
            staff=[StayingCloseContact(name=n, role=r, how_keep_in_touch="text, visits", how_often="weekly", id=_rid(rng))
                   for n, r in (("Tom", "key worker"), ("Ade", "manager"))[: rng.randrange(1, 3)]],
            id=_rid(rng),
        )]

    plan.health.physical = rng.choice(("Asthma; inhaler", "Well", "Eczema"))
    plan.health.emotional_wellbeing = rng.choice(("Anxious about the move", "Mostly OK", "Low mood in winter"))
    plan.health.mental_health_need = rng.random() < 0.3
    plan.health.services = "GP: Park Surgery; dentist: Smile Dental"
    plan.health.gp_registered = rng.choice((True, None, False))
    plan.money.income = rng.choice(("Bursary and part-time job", "Universal Credit", "Apprenticeship wage"))
    plan.money.bank_account = rng.choice((True, False, None))
    plan.money.local_offer_explained_on = _day_between(rng, today - timedelta(days=400), today) if rng.random() < 0.6 else None
    plan.skills = [Skill(key=k, level=rng.choice(list(SkillLevel)), notes="", id=_rid(rng)) for k in SKILL_KEYS]
    plan.identity.own_words = rng.choice(NOTES)
    plan.identity.ethnicity = rng.choice(("Black British", "White British", "Arab", "Eritrean", "Mixed", "Polish"))
    plan.identity.religion = rng.choice(("", "Muslim", "Christian", "Orthodox Christian", "None"))
    plan.identity.languages = rng.choice(("English", "English, Arabic", "Tigrinya, English", "Polish, English"))
    plan.identity.recorded_with_young_person = rng.random() < 0.7

    for _ in range(n_life):
        plan.life_story.append(LifeStoryEntry(
            title=rng.choice(LIFE_TITLES), text=rng.choice(NOTES),
            when=_day_between(rng, dob, today) if rng.random() < 0.8 else None,
            kind=rng.choice(list(LifeStoryKind)), id=_rid(rng),
        ))

    areas = [SupportArea(area=a, own_words=rng.choice(("", *NOTES)), assessment="Assessed with the young person.")
             for a in SCHEDULE_1_AREAS]
    for i in range(n_act):
        areas[i % len(areas)].actions.append(Action(
            what=rng.choice(ACTION_WHATS), who=rng.choice(WHO),
            by_when=_day_between(rng, today - timedelta(days=60), today + timedelta(days=240)) if rng.random() < 0.8 else None,
            status=rng.choice(list(ActionStatus)), id=_rid(rng),
        ))
    plan.support_areas = areas
    plan.contingency.plan = "If the flat falls through, stay at the current home while the PA finds another."
    plan.contingency.who_to_call = "PA on 0113 000 0000; out of hours 0113 000 9999"

    # reviews: the last n_rev six-monthly reviews up to today, not before the 16th birthday
    first_review = min(max(d16, today - timedelta(days=182 * n_rev)), today)
    review_days = sorted(_day_between(rng, first_review, today) for _ in range(n_rev))
    for d in review_days:
        plan.reviews.append(Review(held_on=d, participants="Young person, PA, carer",
                                   summary="Went through the plan; agreed next steps.",
                                   young_person_views=rng.choice(NOTES), id=_rid(rng)))
    since = _day_between(rng, min(max(d16, today - timedelta(days=1500)), today), today)
    for i in range(n_adv):
        end = None if i == n_adv - 1 else since + timedelta(days=rng.randrange(60, 300))
        plan.advisers.append(AdviserPeriod(name=rng.choice(("Sam Jones", "Ruth Adeyemi", "Kim O'Neill", "Bashir Ali")),
                                           organisation=f"{p.local_authority} Leaving Care Team",
                                           start=since, end=end, id=_rid(rng)))
        if end is not None:
            since = end
    for i in range(n_prompt):
        answer = rng.choice(list(PromptAnswer))
        plan.prompt_responses.append(PromptResponse(
            rule_id=f"rule.{rng.choice(('relationships', 'home', 'money', 'health'))}.{i}",
            answer=answer, note="Talked it through.",
            until=today + timedelta(days=30) if answer is PromptAnswer.LATER else None,
            by="Sam Jones", at=_moment(rng, _day_between(rng, today - timedelta(days=200), today)),
            fingerprint=f"{rng.getrandbits(32):08x}", id=_rid(rng),
        ))
    if d16 <= today:
        plan.needs_assessment_done_on = _day_between(rng, d16, today) if rng.random() < 0.8 else None
        plan.plan_agreed_on = plan.needs_assessment_done_on
    plan.pa_support_to_25 = rng.random() < 0.3
    created = _moment(rng, today - timedelta(days=rng.randrange(30, 900)))
    plan.created_at = created
    plan.updated_at = created
    if plan.relationships:  # the young person said yes to the carers reading what they said about one person
        plan.sharing.append(SharingChoice(path=f"relationships[{plan.relationships[0].id}]",
                                          audience=ShareAudience.FOSTER_CARER, shared=True, decided_on=today,
                                          id=str(uuid.uuid5(uuid.UUID(plan.id), "sharing"))))
    problems = validate(plan, today)
    if problems:  # pragma: no cover - a bug here should be loud
        raise AssertionError(f"synthetic plan is not valid: {problems}")
    return plan
