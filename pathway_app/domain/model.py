"""A young person's pathway plan as plain dataclasses.

The plan is one aggregate: it is loaded whole, edited in memory and saved whole. Every record
in a list carries a stable ``id`` (a UUID string) that survives export and import, so a newer
copy of a plan updates the old one instead of duplicating it.

Dates are :class:`datetime.date`; moments are timezone-aware UTC :class:`datetime.datetime`.
Text fields are ``str`` and empty when unknown, so a form never has to tell ``None`` from
``""``; dates, booleans and numbers are ``None`` when unknown.

Convention for care episodes: ``start`` is the first day looked after in that home and ``end``
the day the episode ended (the young person was no longer there from that day), so an episode
covers ``end - start`` days; ``end`` is ``None`` while it continues. A special guardianship
order, a child arrangements order or an adoption order is not a time in care but what ends it:
a :class:`PermanenceOrder` with the day it was made.
"""

from __future__ import annotations

import uuid
from dataclasses import dataclass, field
from datetime import UTC, date, datetime
from typing import Generic, Protocol, TypeVar

from .vocab import (
    SCHEDULE_1_AREAS,
    SKILL_KEYS,
    ActionStatus,
    AgreementStatus,
    Area,
    CareLegalStatus,
    Closeness,
    ContactFrequency,
    DateOfBirthBasis,
    Decision,
    EetStatus,
    EndBasis,
    HomeRegistration,
    HomeType,
    HouseRuleTopic,
    ImmigrationStatus,
    LegalStatus,
    LifeStoryKind,
    OrderKind,
    Parenting,
    Party,
    PlanView,
    PromptAnswer,
    RelationshipStatus,
    RelationshipType,
    ShareAudience,
    SkillLevel,
    ThereAt25,
)


def new_id() -> str:
    """A new stable identifier for a plan or a record."""
    return str(uuid.uuid4())


def utcnow() -> datetime:
    """Now, in UTC, to the second (so it round-trips through every store exactly)."""
    return datetime.now(UTC).replace(microsecond=0)


# --------------------------------------------------------------------------- the young person


@dataclass
class YoungPerson:
    given_name: str = ""
    family_name: str = ""
    preferred_name: str = ""
    pronouns: str = ""
    date_of_birth: date | None = None
    date_of_birth_basis: DateOfBirthBasis = DateOfBirthBasis.STATED
    age_assessed_on: date | None = None  # the day of the age assessment (assessed or disputed)
    phone: str = ""
    email: str = ""
    address: str = ""
    legal_status: LegalStatus = LegalStatus.UNKNOWN
    local_authority: str = ""
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
class ImmigrationMatter:
    """One immigration fact and its dates: a status held, a claim or appeal waiting, an age
    dispute. Several can hold at once (limited leave, with an appeal pending)."""

    status: ImmigrationStatus = ImmigrationStatus.UNKNOWN
    since: date | None = None  # granted, claimed, lodged or raised on
    until: date | None = None  # the last day it applies: leave ends, or a claim or appeal decided
    notes: str = ""
    id: str = field(default_factory=new_id)

    def current_on(self, day: date) -> bool:
        """Whether this holds on ``day`` (from ``since`` to ``until``, both included)."""
        return (self.since is None or self.since <= day) and (self.until is None or day <= self.until)


@dataclass
class Child:
    """The young person's own child, or a baby on the way (``due_on`` with no ``born_on``)."""

    name: str = ""
    due_on: date | None = None
    born_on: date | None = None
    lives_with_young_person: bool | None = None
    notes: str = ""
    id: str = field(default_factory=new_id)


@dataclass
class CareEpisode:
    start: date | None = None
    end: date | None = None
    home_type: HomeType = HomeType.FOSTER
    legal_status: CareLegalStatus = CareLegalStatus.UNKNOWN
    short_break: bool = False  # a planned short break (respite) — does not count if ≤ 4 weeks
    home_name: str = ""
    notes: str = ""
    id: str = field(default_factory=new_id)


@dataclass
class PermanenceOrder:
    """An order that ended being looked after: a special guardianship order, a child
    arrangements order or adoption, on ``made_on``. Time in care stops on that day."""

    kind: OrderKind = OrderKind.SPECIAL_GUARDIANSHIP
    made_on: date | None = None
    with_whom: str = ""  # the special guardians, the person named in the order, the adopters
    ended_on: date | None = None  # revoked or discharged early (an SGO or CAO ends at 18 anyway)
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
    registration: HomeRegistration = HomeRegistration.NOT_RECORDED  # supported accommodation


@dataclass
class ReturnHome:
    """Going back to live with family, and the support the council still gives after it."""

    returned_on: date | None = None
    with_whom: str = ""
    support: str = ""  # what the council still provides
    support_until: date | None = None
    review_on: date | None = None  # when that support is next reviewed
    ended_on: date | None = None  # the return broke down: no longer living there from this day
    notes: str = ""


# --------------------------------------------------------------------------- the agreements
# A Staying Put or Staying Close arrangement is a *decision* on the plan (is it wanted, agreed?)
# and the written agreements that make it: each version of an agreement is one record, which
# moves draft → agreed (signed, dated, by whom) → ended or superseded, and is never changed
# once signed (see :mod:`.agreements`). All versions are kept.


@dataclass
class Signature:
    """One person who signed an agreement, for one party, on a day."""

    party: Party = Party.YOUNG_PERSON
    name: str = ""
    signed_on: date | None = None
    id: str = field(default_factory=new_id)


@dataclass
class Carer:
    """A Staying Put carer: each is a party to the agreement and signs as a person."""

    name: str = ""
    pronouns: str = ""  # for the agreement's wording: she/her, he/him, they/them
    phone: str = ""
    email: str = ""
    id: str = field(default_factory=new_id)


@dataclass
class HouseRule:
    """What is agreed about one part of living together, with each side's words."""

    topic: HouseRuleTopic = HouseRuleTopic.OWN
    title: str = ""  # the topic's name, for a topic of their own
    same_as_before: bool = False  # carries on as before the 18th birthday
    agreed: str = ""  # what everyone agrees
    young_person_words: str = ""
    carers_words: str = ""
    id: str = field(default_factory=new_id)


@dataclass
class StayingPutAgreement:
    """One version of the Living Together Agreement (Staying Put)."""

    status: AgreementStatus = AgreementStatus.DRAFT
    version: int = 1
    # the parties (the young person is the plan's; the carers are listed)
    carers: list[Carer] = field(default_factory=list)
    worker_name: str = ""  # the personal adviser or social worker
    worker_contact: str = ""
    supervising_name: str = ""  # the carers' supervising social worker
    supervising_agency: str = ""  # the fostering service or independent agency
    supervising_contact: str = ""
    authority: str = ""  # the local authority
    authority_contact: str = ""
    # what Staying Put means to them
    young_person_words: str = ""
    carers_words: str = ""
    # responsibilities of each party
    young_person_responsibilities: str = ""
    carer_responsibilities: str = ""
    worker_responsibilities: str = ""
    supervising_responsibilities: str = ""
    authority_responsibilities: str = ""
    # living together
    house_rules: list[HouseRule] = field(default_factory=list)
    house_rules_notes: str = ""  # anything else about living together
    # support
    practical_support: str = ""
    emotional_support: str = ""
    skills: str = ""  # the skills being built for living on their own
    support_words: str = ""  # the young person's words about the support they want
    # money
    carer_payment: str = ""  # the authority's payment to the carers
    contribution: str = ""  # what the young person pays
    contribution_from: str = ""  # wages, benefits, student finance
    housing_costs: str = ""  # Housing Benefit or the housing element of Universal Credit
    housing_costs_claimed_by: str = ""
    council_tax: str = ""
    contracts: str = ""  # phone contracts, credit in their name at the address
    money_notes: str = ""
    # education, work and health
    education_support: str = ""
    work_support: str = ""
    health_support: str = ""
    # duration, review and ending
    start: date | None = None
    end: date | None = None
    end_basis: EndBasis = EndBasis.TWENTY_FIRST_BIRTHDAY
    course: str = ""  # the course that allows an end after the 21st birthday
    review_date: date | None = None
    disagreements: str = ""  # how disagreements are settled
    notice: str = ""  # the notice either side gives
    ending_early: str = ""  # what happens if it ends early
    move_on: str = ""  # the plan for the move on
    # its life
    agreed_on: date | None = None
    signatures: list[Signature] = field(default_factory=list)
    ended_on: date | None = None
    end_reason: str = ""
    superseded_on: date | None = None
    notes: str = ""  # practitioners' own notes: never in the carers' copy
    id: str = field(default_factory=new_id)


class _Version(Protocol):
    """One version of an agreement, as far as its section needs to know."""

    status: AgreementStatus
    version: int


V = TypeVar("V", bound=_Version)


def _newest(items: list[V], status: AgreementStatus) -> V | None:
    found = [a for a in items if a.status is status]
    return max(found, key=lambda a: a.version) if found else None


class _Agreements(Generic[V]):
    """What a Staying Put or Staying Close section says about its agreements."""

    agreements: list[V]

    def in_force(self) -> V | None:
        """The agreement agreed and not ended or replaced, or None."""
        return _newest(self.agreements, AgreementStatus.AGREED)

    def draft(self) -> V | None:
        """The version being written, or None."""
        return _newest(self.agreements, AgreementStatus.DRAFT)

    def current(self) -> V | None:
        """The agreement in force, else the one being written, else None."""
        return self.in_force() or self.draft()

    def latest(self) -> V | None:
        """The newest version whatever its state, or None."""
        return max(self.agreements, key=lambda a: a.version) if self.agreements else None


@dataclass
class StayingPut(_Agreements[StayingPutAgreement]):
    decision: Decision = Decision.NOT_DISCUSSED
    notes: str = ""  # practitioners' own notes about Staying Put
    agreements: list[StayingPutAgreement] = field(default_factory=list)


@dataclass
class StayingCloseContact:
    """A member of the children's home's staff who stays involved."""

    name: str = ""
    role: str = ""
    how_keep_in_touch: str = ""
    how_often: str = ""
    phone: str = ""
    id: str = field(default_factory=new_id)


@dataclass
class StayingCloseAgreement:
    """One version of the Staying Close plan, made with the children's home."""

    status: AgreementStatus = AgreementStatus.DRAFT
    version: int = 1
    # the parties
    home_name: str = ""  # the children's home
    home_contact: str = ""
    manager_name: str = ""  # the home's registered manager
    staff: list[StayingCloseContact] = field(default_factory=list)
    worker_name: str = ""  # the personal adviser
    worker_contact: str = ""
    authority: str = ""
    authority_contact: str = ""
    # what Staying Close means to them
    young_person_words: str = ""
    # the new home
    new_home: str = ""  # where the young person will live
    distance: str = ""  # how near it is to the children's home
    # responsibilities
    young_person_responsibilities: str = ""
    home_responsibilities: str = ""
    worker_responsibilities: str = ""
    authority_responsibilities: str = ""
    # coming back to the home
    come_back_meals: str = ""
    come_back_activities: str = ""
    come_back_celebrations: str = ""
    come_back_hard_times: str = ""
    come_back_words: str = ""  # the young person's words about coming back
    come_back_notes: str = ""  # anything else about coming back
    # support
    out_of_hours: str = ""  # who to call out of hours
    basket_of_hours: str = ""  # staff time set aside, where the authority uses one
    independence_support: str = ""
    # duration, review and ending
    start: date | None = None
    end: date | None = None
    review_date: date | None = None
    disagreements: str = ""
    ending: str = ""  # how and when it ends, and what follows
    # its life
    agreed_on: date | None = None
    signatures: list[Signature] = field(default_factory=list)
    ended_on: date | None = None
    end_reason: str = ""
    superseded_on: date | None = None
    notes: str = ""  # practitioners' own notes: never in the key worker's copy
    id: str = field(default_factory=new_id)


@dataclass
class StayingClose(_Agreements[StayingCloseAgreement]):
    decision: Decision = Decision.NOT_DISCUSSED
    notes: str = ""  # practitioners' own notes about Staying Close
    agreements: list[StayingCloseAgreement] = field(default_factory=list)


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
    phone: str = ""  # how the young person reaches them: printed in "who I can call"
    email: str = ""
    id: str = field(default_factory=new_id)


@dataclass
class SignOff:
    """How the plan was agreed: what the young person thinks of it, in their words; whether an
    advocate was offered and an interpreter used; the independent reviewing officer while they
    are looked after; and who gets a copy."""

    young_person_view: PlanView = PlanView.NOT_ASKED
    young_person_comments: str = ""
    advocacy_offered: bool | None = None
    advocate: str = ""
    interpreter_used: bool | None = None
    interpreter_language: str = ""
    reviewing_officer: str = ""
    copies_to: str = ""  # one per line


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
    immigration: list[ImmigrationMatter] = field(default_factory=list)
    children: list[Child] = field(default_factory=list)
    care_episodes: list[CareEpisode] = field(default_factory=list)
    orders: list[PermanenceOrder] = field(default_factory=list)
    relationships: list[Relationship] = field(default_factory=list)
    education: Education = field(default_factory=Education)
    home: Home = field(default_factory=Home)
    return_home: ReturnHome = field(default_factory=ReturnHome)
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
    sign_off: SignOff = field(default_factory=SignOff)
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

    def advisers_on(self, day: date) -> list[AdviserPeriod]:
        """The personal advisers in post on ``day`` (from their start to their end, both included)."""
        return [
            a for a in self.advisers
            if (a.start is None or a.start <= day) and (a.end is None or day <= a.end)
        ]

    def current_adviser(self) -> AdviserPeriod | None:
        current = [a for a in self.advisers if a.end is None]
        if current:
            return current[-1]
        return self.advisers[-1] if self.advisers else None

    def last_review(self) -> Review | None:
        dated = [r for r in self.reviews if r.held_on is not None]
        return max(dated, key=lambda r: r.held_on) if dated else None  # type: ignore[arg-type,return-value]
