"""A young person's pathway plan as plain dataclasses.

The plan is one aggregate: it is loaded whole, edited in memory and saved whole. Every record
in a list carries a stable ``id`` (a UUID string) that survives export and import, so a newer
copy of a plan updates the old one instead of duplicating it.

Dates are :class:`datetime.date`; moments are timezone-aware UTC :class:`datetime.datetime`.
Text fields are ``str`` and empty when unknown, so a form never has to tell ``None`` from
``""``; dates, booleans and numbers are ``None`` when unknown.

Convention for care episodes: ``start`` is the first day looked after in that home and ``end``
the day the episode ended (the young person was no longer there from that day), so an episode
covers ``end - start`` days; ``end`` is ``None`` while it continues.
"""

from __future__ import annotations

import uuid
from dataclasses import dataclass, field
from datetime import date, datetime, timezone

from .vocab import (
    ActionStatus,
    Area,
    Closeness,
    ContactFrequency,
    Decision,
    EetStatus,
    HomeType,
    ImmigrationStatus,
    LegalStatus,
    LifeStoryKind,
    Parenting,
    PromptAnswer,
    RelationshipStatus,
    RelationshipType,
    SCHEDULE_1_AREAS,
    SKILL_KEYS,
    ShareAudience,
    SkillLevel,
    ThereAt25,
)


def new_id() -> str:
    """A new stable identifier for a plan or a record."""
    return str(uuid.uuid4())


def utcnow() -> datetime:
    """Now, in UTC, to the second (so it round-trips through every store exactly)."""
    return datetime.now(timezone.utc).replace(microsecond=0)


# --------------------------------------------------------------------------- the young person


@dataclass
class YoungPerson:
    given_name: str = ""
    family_name: str = ""
    preferred_name: str = ""
    pronouns: str = ""
    date_of_birth: date | None = None
    phone: str = ""
    email: str = ""
    address: str = ""
    legal_status: LegalStatus = LegalStatus.UNKNOWN
    local_authority: str = ""
    immigration_status: ImmigrationStatus = ImmigrationStatus.UNKNOWN  # never assumed
    immigration_notes: str = ""
    parenting: Parenting = Parenting.NO
    parenting_notes: str = ""
    youth_justice: bool = False
    youth_justice_notes: str = ""
    detained_or_in_hospital_on_16th_birthday: bool = False
    # "About me": in the young person's own words first.
    about_me_own_words: str = ""
    strengths: str = ""
    interests: str = ""
    achievements: str = ""

    @property
    def display_name(self) -> str:
        """The name the young person wants to be called, then their family name."""
        first = self.preferred_name.strip() or self.given_name.strip()
        return " ".join(p for p in (first, self.family_name.strip()) if p) or "(no name yet)"


@dataclass
class CareEpisode:
    start: date | None = None
    end: date | None = None
    home_type: HomeType = HomeType.FOSTER
    legal_status: LegalStatus = LegalStatus.UNKNOWN
    short_break: bool = False  # a planned short break (respite) — does not count if ≤ 4 weeks
    home_name: str = ""
    notes: str = ""
    id: str = field(default_factory=new_id)


@dataclass
class Relationship:
    name: str = ""
    relationship_type: RelationshipType = RelationshipType.OTHER
    description: str = ""  # "my big sister", "my old key worker at Elm House"
    closeness: Closeness = Closeness.CLOSE
    contact_frequency: ContactFrequency = ContactFrequency.MONTHLY
    contact_means: str = ""  # how they keep in touch: visits, phone, video, letters ...
    there_at_25: ThereAt25 = ThereAt25.NOT_ASKED
    status: RelationshipStatus = RelationshipStatus.CONTINUING
    keep_in_touch_plan: str = ""  # how this will carry on after a move
    in_support_plan: bool = False  # this person has a part in the support plan
    what_they_bring: str = ""  # what the young person values in them (research M5)
    safety_notes: str = ""  # never shown in the young person's edition
    contact_restrictions: str = ""  # never shown in the young person's edition
    phone: str = ""
    id: str = field(default_factory=new_id)


# --------------------------------------------------------------------------- areas of life


@dataclass
class Education:
    status: EetStatus = EetStatus.SCHOOL
    provider: str = ""
    course: str = ""
    start: date | None = None
    expected_end: date | None = None
    year_round_housing: bool | None = None  # higher education: 52-week accommodation
    bursary: bool | None = None
    designated_contact: str = ""  # the care-leaver contact at college or university
    plans: str = ""  # what next, career ideas


@dataclass
class Home:
    current_type: HomeType = HomeType.FOSTER
    current_name: str = ""
    current_since: date | None = None
    suitability: str = ""  # Schedule 2: facilities, safety, location, support, affordability ...
    planned_type: HomeType | None = None
    planned_description: str = ""
    planned_move_date: date | None = None
    fallback: str = ""  # if the move doesn't work out: can the last home stay open?


@dataclass
class StayingPut:
    decision: Decision = Decision.NOT_DISCUSSED
    carer_name: str = ""
    start: date | None = None
    end: date | None = None  # at most the 21st birthday
    money: str = ""  # allowance, rent or board the young person pays, carer's payments
    house_agreements: str = ""
    review_date: date | None = None
    notes: str = ""


@dataclass
class StayingCloseContact:
    name: str = ""
    role: str = ""
    how_keep_in_touch: str = ""
    id: str = field(default_factory=new_id)


@dataclass
class StayingClose:
    decision: Decision = Decision.NOT_DISCUSSED
    home_name: str = ""  # the children's home
    new_home: str = ""  # where the young person will live, near the home
    start: date | None = None
    end: date | None = None
    come_back: str = ""  # "come back" arrangements: meals, visits, stay over when it's hard
    notes: str = ""
    staff: list[StayingCloseContact] = field(default_factory=list)


@dataclass
class Health:
    physical: str = ""
    emotional_wellbeing: str = ""
    mental_health: str = ""
    mental_health_need: bool = False
    services: str = ""  # GP, dentist, CAMHS, adult services ...
    adult_services_transition: str = ""
    gp_registered: bool | None = None


@dataclass
class Money:
    income: str = ""  # wages, Universal Credit, bursary, allowance
    bank_account: bool | None = None
    council_tax_exemption: bool | None = None
    local_offer_explained_on: date | None = None
    savings: str = ""
    debts: str = ""
    notes: str = ""


@dataclass
class Skill:
    key: str = SKILL_KEYS[0]
    level: SkillLevel = SkillLevel.NOT_STARTED
    notes: str = ""
    id: str = field(default_factory=new_id)


@dataclass
class Identity:
    own_words: str = ""  # who I am, in my own words
    ethnicity: str = ""
    religion: str = ""
    languages: str = ""
    culture: str = ""
    gender: str = ""
    sexuality: str = ""
    recorded_with_young_person: bool = False


@dataclass
class LifeStoryEntry:
    title: str = ""
    text: str = ""
    when: date | None = None
    kind: LifeStoryKind = LifeStoryKind.MEMORY
    id: str = field(default_factory=new_id)


@dataclass
class Action:
    what: str = ""
    who: str = ""
    by_when: date | None = None
    status: ActionStatus = ActionStatus.NOT_STARTED
    id: str = field(default_factory=new_id)


@dataclass
class SupportArea:
    """One of the ten Schedule 1 areas: the young person's words, the assessment, actions."""

    area: Area = Area.SUPPORT
    own_words: str = ""
    assessment: str = ""
    actions: list[Action] = field(default_factory=list)


@dataclass
class Contingency:
    plan: str = ""  # what happens if the plan stops working
    fallback_home: str = ""
    who_to_call: str = ""
    own_words: str = ""


@dataclass
class Review:
    held_on: date | None = None
    participants: str = ""
    summary: str = ""
    young_person_views: str = ""
    id: str = field(default_factory=new_id)


@dataclass
class AdviserPeriod:
    name: str = ""
    organisation: str = ""
    start: date | None = None
    end: date | None = None
    handover_notes: str = ""
    id: str = field(default_factory=new_id)


@dataclass
class PromptResponse:
    """What was done about a research prompt, by whom and when."""

    rule_id: str = ""
    answer: PromptAnswer = PromptAnswer.DONE
    note: str = ""  # what was done / why not relevant
    until: date | None = None  # for "later"
    by: str = ""
    at: datetime | None = None
    fingerprint: str = ""  # what the plan looked like to the rule when answered
    id: str = field(default_factory=new_id)


@dataclass
class SharingChoice:
    """The young person's yes or no to sharing their own words about something with one
    audience (a foster carer, a key worker), and when they said it.

    ``path`` is where in the plan (:mod:`.fieldpath`): a record (``relationships[<id>]``: what
    they say about that person) or a field (``support_areas[health].own_words``). The newest
    choice for a path and audience counts; nothing recorded means not shared.
    """

    path: str = ""
    audience: ShareAudience = ShareAudience.FOSTER_CARER
    shared: bool = False
    decided_on: date | None = None
    id: str = field(default_factory=new_id)


# --------------------------------------------------------------------------- the plan


def _all_areas() -> list[SupportArea]:
    return [SupportArea(area=a) for a in SCHEDULE_1_AREAS]


def _all_skills() -> list[Skill]:
    return [Skill(key=k) for k in SKILL_KEYS]


@dataclass
class Plan:
    person: YoungPerson = field(default_factory=YoungPerson)
    care_episodes: list[CareEpisode] = field(default_factory=list)
    relationships: list[Relationship] = field(default_factory=list)
    education: Education = field(default_factory=Education)
    home: Home = field(default_factory=Home)
    staying_put: StayingPut = field(default_factory=StayingPut)
    staying_close: StayingClose = field(default_factory=StayingClose)
    health: Health = field(default_factory=Health)
    money: Money = field(default_factory=Money)
    skills: list[Skill] = field(default_factory=_all_skills)
    identity: Identity = field(default_factory=Identity)
    life_story: list[LifeStoryEntry] = field(default_factory=list)
    support_areas: list[SupportArea] = field(default_factory=_all_areas)
    contingency: Contingency = field(default_factory=Contingency)
    reviews: list[Review] = field(default_factory=list)
    advisers: list[AdviserPeriod] = field(default_factory=list)
    prompt_responses: list[PromptResponse] = field(default_factory=list)
    sharing: list[SharingChoice] = field(default_factory=list)
    # statutory milestones
    needs_assessment_done_on: date | None = None
    plan_agreed_on: date | None = None
    review_requested_on: date | None = None  # the young person or PA asked for a review
    pa_support_to_25: bool = False  # asked for PA support from 21 to 25
    # bookkeeping
    id: str = field(default_factory=new_id)
    version: int = 0  # 0 = never saved; the store increments it on every save
    created_at: datetime = field(default_factory=utcnow)
    updated_at: datetime = field(default_factory=utcnow)

    def area(self, area: Area | str) -> SupportArea:
        """The support area for ``area``, created if the plan lacks it."""
        key = Area(area)
        for sa in self.support_areas:
            if sa.area is key:
                return sa
        sa = SupportArea(area=key)
        self.support_areas.append(sa)
        self.support_areas.sort(key=lambda s: SCHEDULE_1_AREAS.index(s.area))
        return sa

    def all_actions(self) -> list[tuple[Area, Action]]:
        return [(sa.area, a) for sa in self.support_areas for a in sa.actions]

    def current_adviser(self) -> AdviserPeriod | None:
        current = [a for a in self.advisers if a.end is None]
        if current:
            return current[-1]
        return self.advisers[-1] if self.advisers else None

    def last_review(self) -> Review | None:
        dated = [r for r in self.reviews if r.held_on is not None]
        return max(dated, key=lambda r: r.held_on) if dated else None  # type: ignore[arg-type,return-value]
