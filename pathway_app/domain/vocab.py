"""Controlled vocabularies for a young person's plan.

Each enum's *value* is the stable code written to the database and the interchange file;
the words shown to people live in ``resources/vocabularies.json`` so an organisation can
change them without touching code (see :func:`pathway_app.domain.labels.label`).
"""

from __future__ import annotations

from enum import Enum


class Vocab(str, Enum):
    """A str-valued enum; ``str(member)`` is its code."""

    _value_: str

    def __str__(self) -> str:  # pragma: no cover - trivial
        return self.value


class HomeType(Vocab):
    FOSTER = "foster"
    KINSHIP = "kinship"  # kinship / connected person
    RESIDENTIAL = "residential"  # children's home
    SEMI_INDEPENDENT = "semi_independent"
    SUPPORTED_LODGINGS = "supported_lodgings"
    WITH_PARENT = "with_parent"
    CUSTODY = "custody"
    STAYING_PUT = "staying_put"
    STAYING_CLOSE = "staying_close"
    OWN_TENANCY = "own_tenancy"
    UNIVERSITY = "university"
    SUPPORTED_HOUSING = "supported_housing"
    OTHER = "other"


#: Types of home that are part of a care episode (looked after).
CARE_HOME_TYPES = frozenset(
    {
        HomeType.FOSTER,
        HomeType.KINSHIP,
        HomeType.RESIDENTIAL,
        HomeType.SEMI_INDEPENDENT,
        HomeType.SUPPORTED_LODGINGS,
        HomeType.WITH_PARENT,
        HomeType.CUSTODY,
        HomeType.OTHER,
    }
)

#: Homes where a young person lives on their own, or mostly so (research message M11).
INDEPENDENT_HOME_TYPES = frozenset(
    {HomeType.SEMI_INDEPENDENT, HomeType.OWN_TENANCY, HomeType.SUPPORTED_HOUSING}
)


class LegalStatus(Vocab):
    """The young person's legal status now (which may be an order that ended care)."""

    ACCOMMODATED_S20 = "s20"
    CARE_ORDER = "care_order"
    INTERIM_CARE_ORDER = "interim_care_order"
    REMAND = "remand"
    SPECIAL_GUARDIANSHIP = "sgo"
    CHILD_ARRANGEMENTS_ORDER = "cao"
    LEFT_CARE = "left_care"
    OTHER = "other"
    UNKNOWN = "unknown"


class CareLegalStatus(Vocab):
    """The legal basis of a time in care: only ways of being *looked after*.

    A special guardianship order, a child arrangements order or adoption is not a way of being
    looked after but what ends it: recorded as a :class:`OrderKind` with its date.
    """

    ACCOMMODATED_S20 = "s20"
    CARE_ORDER = "care_order"
    INTERIM_CARE_ORDER = "interim_care_order"
    REMAND = "remand"
    OTHER = "other"
    UNKNOWN = "unknown"


class OrderKind(Vocab):
    """Orders that end being looked after (codes shared with :class:`LegalStatus`)."""

    SPECIAL_GUARDIANSHIP = "sgo"
    CHILD_ARRANGEMENTS = "cao"
    ADOPTION = "adoption"


class DateOfBirthBasis(Vocab):
    """How the date of birth is known: common to question for unaccompanied young people."""

    STATED = "stated"  # as the young person or their documents say
    ASSESSED = "assessed"  # set by an age assessment
    DISPUTED = "disputed"  # the young person (or another authority) disputes it


class HomeRegistration(Vocab):
    """Whether the home is supported accommodation registered with Ofsted (from October 2023 a
    looked-after 16- or 17-year-old may live only in registered supported accommodation, or a
    foster home, children's home or other regulated home)."""

    NOT_RECORDED = "not_recorded"
    REGISTERED = "registered"
    UNREGISTERED = "unregistered"
    NOT_APPLICABLE = "not_applicable"


class ImmigrationStatus(Vocab):
    BRITISH = "british"
    SETTLED = "settled"
    PRE_SETTLED = "pre_settled"
    REFUGEE = "refugee"
    HUMANITARIAN_PROTECTION = "humanitarian_protection"
    LIMITED_LEAVE = "limited_leave"
    ASYLUM_CLAIM_PENDING = "asylum_claim_pending"
    APPEAL_PENDING = "appeal_pending"
    AGE_DISPUTED = "age_disputed"
    NO_STATUS = "no_status"
    UNKNOWN = "unknown"


UNRESOLVED_IMMIGRATION = frozenset(
    {
        ImmigrationStatus.ASYLUM_CLAIM_PENDING,
        ImmigrationStatus.APPEAL_PENDING,
        ImmigrationStatus.AGE_DISPUTED,
        ImmigrationStatus.NO_STATUS,
        ImmigrationStatus.LIMITED_LEAVE,
    }
)


class Parenting(Vocab):
    NO = "no"
    EXPECTING = "expecting"
    PARENT = "parent"


class RelationshipType(Vocab):
    SIBLING = "sibling"
    PARENT = "parent"
    GRANDPARENT = "grandparent"
    OTHER_FAMILY = "other_family"
    FOSTER_CARER = "foster_carer"
    KINSHIP_CARER = "kinship_carer"
    RESIDENTIAL_KEY_WORKER = "residential_key_worker"
    PERSONAL_ADVISER = "personal_adviser"
    SOCIAL_WORKER = "social_worker"
    TEACHER = "teacher"
    FRIEND = "friend"
    PARTNER = "partner"
    MENTOR = "mentor"  # a volunteer or informal mentor
    PAID_MENTOR = "paid_mentor"  # a mentor paid by a service
    SUPPORT_WORKER = "support_worker"  # staff of supported accommodation or housing
    COMMUNITY = "community"  # faith, club, neighbour ...
    OTHER_PROFESSIONAL = "other_professional"
    OTHER = "other"


class PeopleGroup(Vocab):
    FAMILY = "family"
    FRIENDS = "friends"  # friends and community
    CARERS = "carers"
    PROFESSIONALS = "professionals"


RELATIONSHIP_GROUP: dict[RelationshipType, PeopleGroup] = {
    RelationshipType.SIBLING: PeopleGroup.FAMILY,
    RelationshipType.PARENT: PeopleGroup.FAMILY,
    RelationshipType.GRANDPARENT: PeopleGroup.FAMILY,
    RelationshipType.OTHER_FAMILY: PeopleGroup.FAMILY,
    RelationshipType.FOSTER_CARER: PeopleGroup.CARERS,
    RelationshipType.KINSHIP_CARER: PeopleGroup.CARERS,
    RelationshipType.RESIDENTIAL_KEY_WORKER: PeopleGroup.CARERS,
    RelationshipType.SUPPORT_WORKER: PeopleGroup.CARERS,
    RelationshipType.PERSONAL_ADVISER: PeopleGroup.PROFESSIONALS,
    RelationshipType.SOCIAL_WORKER: PeopleGroup.PROFESSIONALS,
    RelationshipType.TEACHER: PeopleGroup.PROFESSIONALS,
    RelationshipType.OTHER_PROFESSIONAL: PeopleGroup.PROFESSIONALS,
    RelationshipType.PAID_MENTOR: PeopleGroup.PROFESSIONALS,
    RelationshipType.MENTOR: PeopleGroup.FRIENDS,
    RelationshipType.FRIEND: PeopleGroup.FRIENDS,
    RelationshipType.PARTNER: PeopleGroup.FRIENDS,
    RelationshipType.COMMUNITY: PeopleGroup.FRIENDS,
    RelationshipType.OTHER: PeopleGroup.FRIENDS,
}

FAMILY_TYPES = frozenset(t for t, g in RELATIONSHIP_GROUP.items() if g is PeopleGroup.FAMILY)
PROFESSIONAL_TYPES = frozenset(
    t for t, g in RELATIONSHIP_GROUP.items() if g is PeopleGroup.PROFESSIONALS
)
#: People who are paid to be in the young person's life: professionals, a children's home key
#: worker, supported-accommodation staff and a mentor paid by a service. A network of only these
#: is no personal network (research message M6), and none of them counts as someone who will be
#: there at 25 (M1): their job ends.
PAID_ROLE_TYPES = PROFESSIONAL_TYPES | frozenset(
    {RelationshipType.RESIDENTIAL_KEY_WORKER, RelationshipType.SUPPORT_WORKER, RelationshipType.PAID_MENTOR}
)


class Closeness(Vocab):
    VERY_CLOSE = "very_close"
    CLOSE = "close"
    NOT_CLOSE = "not_close"


class ContactFrequency(Vocab):
    DAILY = "daily"
    WEEKLY = "weekly"
    MONTHLY = "monthly"
    FEW_TIMES_A_YEAR = "few_times_a_year"
    RARELY = "rarely"
    NONE = "none"


RARE_CONTACT = frozenset({ContactFrequency.RARELY, ContactFrequency.NONE})


class ThereAt25(Vocab):
    YES = "yes"
    MAYBE = "maybe"
    NO = "no"
    NOT_ASKED = "not_asked"


class RelationshipStatus(Vocab):
    CONTINUING = "continuing"
    ENDING = "ending"  # will end with a planned move unless something is done
    ENDED = "ended"


class EetStatus(Vocab):
    SCHOOL = "school"
    COLLEGE = "college"
    APPRENTICESHIP = "apprenticeship"
    TRAINING = "training"
    UNIVERSITY = "university"
    EMPLOYMENT = "employment"
    VOLUNTEERING = "volunteering"
    NEET = "neet"  # not in education, employment or training
    OTHER = "other"


class Decision(Vocab):
    NOT_DISCUSSED = "not_discussed"
    DISCUSSING = "discussing"
    AGREED = "agreed"
    NOT_WANTED = "not_wanted"
    NOT_POSSIBLE = "not_possible"


DECIDED = frozenset({Decision.AGREED, Decision.NOT_WANTED, Decision.NOT_POSSIBLE})


class AgreementStatus(Vocab):
    """Where a Staying Put or Staying Close agreement is in its life (see :mod:`.agreements`)."""

    DRAFT = "draft"  # being written; may change
    AGREED = "agreed"  # signed: kept exactly as it was signed
    ENDED = "ended"  # the arrangement ended (when, why)
    SUPERSEDED = "superseded"  # a later version was agreed in its place


#: Agreements kept as they were signed: their content never changes again.
SIGNED_STATUSES = frozenset({AgreementStatus.AGREED, AgreementStatus.ENDED, AgreementStatus.SUPERSEDED})


class Party(Vocab):
    """Someone who signs a Staying Put or Staying Close agreement."""

    YOUNG_PERSON = "young_person"
    CARER = "carer"  # a Staying Put carer (each signs as a person)
    PERSONAL_ADVISER = "personal_adviser"  # the PA or social worker
    SUPERVISING_SOCIAL_WORKER = "supervising_social_worker"  # the carers' supervising social worker or agency
    KEY_WORKER = "key_worker"  # staff of the children's home who stay involved
    HOME_MANAGER = "home_manager"  # the children's home's registered manager
    AUTHORITY = "authority"  # a manager for the local authority


class HouseRuleTopic(Vocab):
    """The topics living-together agreements cover, in the order they are written."""

    VISITORS = "visitors"
    STAYING_AWAY = "staying_away"
    KEYS = "keys"
    COMING_HOME = "coming_home"
    ALCOHOL_SMOKING_DRUGS = "alcohol_smoking_drugs"
    FOOD = "food"
    CHORES = "chores"
    PHONE_INTERNET = "phone_internet"
    PETS = "pets"
    OTHER_CHILDREN = "other_children"
    OWN = "own"  # a topic of their own (named in the rule's title)


class EndBasis(Vocab):
    """What a Staying Put end date rests on."""

    TWENTY_FIRST_BIRTHDAY = "twenty_first_birthday"  # by the 21st birthday
    END_OF_COURSE = "end_of_course"  # the end of a course that runs past the 21st birthday


class SkillLevel(Vocab):
    NOT_STARTED = "not_started"
    LEARNING = "learning"
    CONFIDENT = "confident"


class ActionStatus(Vocab):
    NOT_STARTED = "not_started"
    IN_PROGRESS = "in_progress"
    DONE = "done"
    DROPPED = "dropped"


OPEN_ACTION = frozenset({ActionStatus.NOT_STARTED, ActionStatus.IN_PROGRESS})


class Area(Vocab):
    """The ten areas of Schedule 1, Care Leavers (England) Regulations 2010 (in order)."""

    SUPPORT = "support"  # 1 contact and personal support
    EDUCATION = "education"  # 2 education or training
    EMPLOYMENT = "employment"  # 3 employment / purposeful activity
    CONTINGENCY = "contingency"  # 4
    ACCOMMODATION = "accommodation"  # 5
    RELATIONSHIPS = "relationships"  # 6 family and social relationships
    SKILLS = "skills"  # 7 practical skills
    FINANCE = "finance"  # 8
    HEALTH = "health"  # 9
    IDENTITY = "identity"  # 10


SCHEDULE_1_AREAS: tuple[Area, ...] = tuple(Area)


class PromptAnswer(Vocab):
    DONE = "done"
    NOT_RELEVANT = "not_relevant"
    LATER = "later"


class PlanView(Vocab):
    """What the young person thinks of their plan."""

    AGREE = "agree"
    PARTLY = "partly"
    DISAGREE = "disagree"
    NOT_ASKED = "not_asked"


class ShareAudience(Vocab):
    """Who besides practitioners and the young person a plan may be shared with."""

    FOSTER_CARER = "foster_carer"  # Staying Put
    KEY_WORKER = "key_worker"  # Staying Close


class LifeStoryKind(Vocab):
    MEMORY = "memory"
    PERSON = "person"
    PLACE = "place"
    PHOTO = "photo"
    DOCUMENT = "document"
    ACHIEVEMENT = "achievement"
    OTHER = "other"


#: The practical-skills checklist (research message M17; Schedule 1 item 7).
SKILL_KEYS: tuple[str, ...] = (
    "cooking",
    "food_shopping_budget",
    "cleaning_laundry",
    "paying_bills",
    "bank_account",
    "managing_tenancy",
    "registering_gp_dentist",
    "using_transport",
    "identity_documents",
    "staying_safe_online",
    "getting_help_in_a_crisis",
)
