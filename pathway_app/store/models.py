"""The database tables for a young person's plan (SQLAlchemy 2, typed declarative).

Column names are the domain dataclass field names, so :mod:`.mapping` can copy a record to a
row and back without a hand-written list: adding a field to a dataclass means adding a column
here and a migration (``tests/store/test_models.py`` checks that every field has its column).

- ``plans`` holds the plan's own fields, the :class:`~pathway_app.domain.model.YoungPerson`
  fields, and the *summary* columns the caseload needs (``basis_*`` = the
  :class:`~pathway_app.domain.dates.CareBasis` worked out at save time, ``summary_*`` = facts
  copied from sections), so the caseload is one narrow query on one table.
- one table per 1:1 section, keyed by ``plan_id``;
- one table per list, with the record's own ``id`` as primary key, ``plan_id`` (ON DELETE
  CASCADE) and ``position`` (the order in the plan).

Codes of enums are stored as their string value; moments as UTC (see :class:`UTCDateTime`).
Only portable types are used so the same schema works on SQLite and PostgreSQL.
"""

from __future__ import annotations

from datetime import UTC, date, datetime

from sqlalchemy import (
    BigInteger,
    Boolean,
    CheckConstraint,
    Column,
    Date,
    DateTime,
    ForeignKey,
    Index,
    Integer,
    MetaData,
    String,
    Table,
    Text,
)
from sqlalchemy.engine import Dialect
from sqlalchemy.orm import DeclarativeBase, Mapped, mapped_column
from sqlalchemy.types import TypeDecorator

ID = String(36)
CODE = String(40)


class UTCDateTime(TypeDecorator[datetime]):
    """A moment stored as naive UTC and read back as timezone-aware UTC.

    Naive values given to the database are taken to be UTC already.
    """

    impl = DateTime
    cache_ok = True

    def process_bind_param(self, value: datetime | None, dialect: Dialect) -> datetime | None:
        if value is None:
            return None
        if value.tzinfo is not None:
            value = value.astimezone(UTC).replace(tzinfo=None)
        return value

    def process_result_value(self, value: datetime | None, dialect: Dialect) -> datetime | None:
        if value is None:
            return None
        return value.replace(tzinfo=UTC)


NAMING = {
    "ix": "ix_%(table_name)s_%(column_0_N_name)s",
    "uq": "uq_%(table_name)s_%(column_0_N_name)s",
    "ck": "ck_%(table_name)s_%(constraint_name)s",
    "fk": "fk_%(table_name)s_%(column_0_name)s_%(referred_table_name)s",
    "pk": "pk_%(table_name)s",
}


class Base(DeclarativeBase):
    metadata = MetaData(naming_convention=NAMING)
    type_annotation_map = {
        str: Text(),
        date: Date(),
        datetime: UTCDateTime(),
        bool: Boolean(),
        int: Integer(),
    }


def _plan_fk(primary_key: bool = False) -> Mapped[str]:
    return mapped_column(
        ID, ForeignKey("plans.id", ondelete="CASCADE"), primary_key=primary_key, index=not primary_key
    )


# --------------------------------------------------------------------------- the plan


class PlanRow(Base):
    """One young person's plan: bookkeeping, the person, and the caseload summary.

    Column order matters to SQLite: a row is read from its start, so the small columns the
    caseload reads come first and long free text (which may spill onto overflow pages) last.
    """

    __tablename__ = "plans"
    __table_args__ = (
        # covers the caseload's "what changed?" query, in caseload order, without the table
        Index("ix_plans_caseload", "family_name", "given_name", "id", "version", "updated_at"),
    )

    id: Mapped[str] = mapped_column(ID, primary_key=True)
    version: Mapped[int]
    created_at: Mapped[datetime]
    updated_at: Mapped[datetime]
    # YoungPerson: names and dates first (read by the caseload)
    given_name: Mapped[str]
    family_name: Mapped[str]
    preferred_name: Mapped[str]
    date_of_birth: Mapped[date | None]
    local_authority: Mapped[str]
    # casefolded names for searching (SQLite's lower() knows only ASCII)
    search_text: Mapped[str]
    # plan milestones
    needs_assessment_done_on: Mapped[date | None]
    plan_agreed_on: Mapped[date | None]
    review_requested_on: Mapped[date | None]
    pa_support_to_25: Mapped[bool]
    # summary: the CareBasis worked out on the day of saving (basis_on)
    basis_on: Mapped[date]
    basis_date_of_birth: Mapped[date | None]
    basis_eligible_from: Mapped[date | None]
    basis_thirteen_weeks_completed_on: Mapped[date | None]
    basis_looked_after_since_16: Mapped[bool]
    basis_in_care_to: Mapped[date | None]
    basis_ever_in_care: Mapped[bool]
    basis_detained_at_16: Mapped[bool]
    basis_eligible_from_if_stays: Mapped[date | None]
    basis_sgo_made_on: Mapped[date | None]
    basis_sgo_ended_on: Mapped[date | None]
    basis_with_family_from: Mapped[date | None]
    basis_with_family_to: Mapped[date | None]
    # summary: facts from the sections, copied on save
    summary_adviser: Mapped[str]
    summary_last_review_on: Mapped[date | None]
    summary_staying_put_decision: Mapped[str] = mapped_column(CODE)
    summary_staying_put_end: Mapped[date | None]
    summary_planned_move_date: Mapped[date | None]
    # the rest of YoungPerson
    legal_status: Mapped[str] = mapped_column(CODE)
    date_of_birth_basis: Mapped[str] = mapped_column(CODE)
    age_assessed_on: Mapped[date | None]
    parenting: Mapped[str] = mapped_column(CODE)
    youth_justice: Mapped[bool]
    detained_or_in_hospital_on_16th_birthday: Mapped[bool]
    pronouns: Mapped[str]
    phone: Mapped[str]
    email: Mapped[str]
    address: Mapped[str]
    parenting_notes: Mapped[str]
    youth_justice_notes: Mapped[str]
    about_me_own_words: Mapped[str]
    strengths: Mapped[str]
    interests: Mapped[str]
    achievements: Mapped[str]


# --------------------------------------------------------------------------- 1:1 sections


class EducationRow(Base):
    __tablename__ = "education"
    plan_id: Mapped[str] = _plan_fk(primary_key=True)
    status: Mapped[str] = mapped_column(CODE)
    provider: Mapped[str]
    course: Mapped[str]
    start: Mapped[date | None]
    expected_end: Mapped[date | None]
    year_round_housing: Mapped[bool | None]
    bursary: Mapped[bool | None]
    designated_contact: Mapped[str]
    plans: Mapped[str]


class HomeRow(Base):
    __tablename__ = "home"
    plan_id: Mapped[str] = _plan_fk(primary_key=True)
    current_type: Mapped[str] = mapped_column(CODE)
    current_name: Mapped[str]
    current_since: Mapped[date | None]
    suitability: Mapped[str]
    planned_type: Mapped[str | None] = mapped_column(CODE)
    planned_description: Mapped[str]
    planned_move_date: Mapped[date | None]
    fallback: Mapped[str]
    registration: Mapped[str] = mapped_column(CODE)


class ReturnHomeRow(Base):
    __tablename__ = "return_home"
    plan_id: Mapped[str] = _plan_fk(primary_key=True)
    returned_on: Mapped[date | None]
    with_whom: Mapped[str]
    support: Mapped[str]
    support_until: Mapped[date | None]
    review_on: Mapped[date | None]
    ended_on: Mapped[date | None]
    notes: Mapped[str]


class StayingPutRow(Base):
    __tablename__ = "staying_put"
    plan_id: Mapped[str] = _plan_fk(primary_key=True)
    decision: Mapped[str] = mapped_column(CODE)
    notes: Mapped[str]


class StayingPutAgreementRow(Base):
    """One version of the Living Together Agreement; its carers, house rules and signatures are
    JSON text (a signed document is read and written whole)."""

    __tablename__ = "staying_put_agreements"
    id: Mapped[str] = mapped_column(ID, primary_key=True)
    plan_id: Mapped[str] = _plan_fk()
    position: Mapped[int]
    status: Mapped[str] = mapped_column(CODE)
    version: Mapped[int]
    carers: Mapped[str]  # JSON: its records (see mapping)
    worker_name: Mapped[str]
    worker_contact: Mapped[str]
    supervising_name: Mapped[str]
    supervising_agency: Mapped[str]
    supervising_contact: Mapped[str]
    authority: Mapped[str]
    authority_contact: Mapped[str]
    young_person_words: Mapped[str]
    carers_words: Mapped[str]
    young_person_responsibilities: Mapped[str]
    carer_responsibilities: Mapped[str]
    worker_responsibilities: Mapped[str]
    supervising_responsibilities: Mapped[str]
    authority_responsibilities: Mapped[str]
    house_rules: Mapped[str]  # JSON: its records (see mapping)
    house_rules_notes: Mapped[str]
    practical_support: Mapped[str]
    emotional_support: Mapped[str]
    skills: Mapped[str]
    support_words: Mapped[str]
    carer_payment: Mapped[str]
    contribution: Mapped[str]
    contribution_from: Mapped[str]
    housing_costs: Mapped[str]
    housing_costs_claimed_by: Mapped[str]
    council_tax: Mapped[str]
    contracts: Mapped[str]
    money_notes: Mapped[str]
    education_support: Mapped[str]
    work_support: Mapped[str]
    health_support: Mapped[str]
    start: Mapped[date | None]
    end: Mapped[date | None]
    end_basis: Mapped[str] = mapped_column(CODE)
    course: Mapped[str]
    review_date: Mapped[date | None]
    disagreements: Mapped[str]
    notice: Mapped[str]
    ending_early: Mapped[str]
    move_on: Mapped[str]
    agreed_on: Mapped[date | None]
    signatures: Mapped[str]  # JSON: its records (see mapping)
    ended_on: Mapped[date | None]
    end_reason: Mapped[str]
    superseded_on: Mapped[date | None]
    notes: Mapped[str]


class StayingCloseRow(Base):
    __tablename__ = "staying_close"
    plan_id: Mapped[str] = _plan_fk(primary_key=True)
    decision: Mapped[str] = mapped_column(CODE)
    notes: Mapped[str]


class StayingCloseAgreementRow(Base):
    """One version of the Staying Close plan; its staff and signatures are JSON text."""

    __tablename__ = "staying_close_agreements"
    id: Mapped[str] = mapped_column(ID, primary_key=True)
    plan_id: Mapped[str] = _plan_fk()
    position: Mapped[int]
    status: Mapped[str] = mapped_column(CODE)
    version: Mapped[int]
    home_name: Mapped[str]
    home_contact: Mapped[str]
    manager_name: Mapped[str]
    staff: Mapped[str]  # JSON: its records (see mapping)
    worker_name: Mapped[str]
    worker_contact: Mapped[str]
    authority: Mapped[str]
    authority_contact: Mapped[str]
    young_person_words: Mapped[str]
    new_home: Mapped[str]
    distance: Mapped[str]
    young_person_responsibilities: Mapped[str]
    home_responsibilities: Mapped[str]
    worker_responsibilities: Mapped[str]
    authority_responsibilities: Mapped[str]
    come_back_meals: Mapped[str]
    come_back_activities: Mapped[str]
    come_back_celebrations: Mapped[str]
    come_back_hard_times: Mapped[str]
    come_back_words: Mapped[str]
    come_back_notes: Mapped[str]
    out_of_hours: Mapped[str]
    basket_of_hours: Mapped[str]
    independence_support: Mapped[str]
    start: Mapped[date | None]
    end: Mapped[date | None]
    review_date: Mapped[date | None]
    disagreements: Mapped[str]
    ending: Mapped[str]
    agreed_on: Mapped[date | None]
    signatures: Mapped[str]  # JSON: its records (see mapping)
    ended_on: Mapped[date | None]
    end_reason: Mapped[str]
    superseded_on: Mapped[date | None]
    notes: Mapped[str]


class HealthRow(Base):
    __tablename__ = "health"
    plan_id: Mapped[str] = _plan_fk(primary_key=True)
    physical: Mapped[str]
    emotional_wellbeing: Mapped[str]
    mental_health: Mapped[str]
    mental_health_need: Mapped[bool]
    services: Mapped[str]
    adult_services_transition: Mapped[str]
    gp_registered: Mapped[bool | None]


class MoneyRow(Base):
    __tablename__ = "money"
    plan_id: Mapped[str] = _plan_fk(primary_key=True)
    income: Mapped[str]
    bank_account: Mapped[bool | None]
    council_tax_exemption: Mapped[bool | None]
    local_offer_explained_on: Mapped[date | None]
    savings: Mapped[str]
    debts: Mapped[str]
    notes: Mapped[str]


class IdentityRow(Base):
    __tablename__ = "identity"
    plan_id: Mapped[str] = _plan_fk(primary_key=True)
    own_words: Mapped[str]
    ethnicity: Mapped[str]
    religion: Mapped[str]
    languages: Mapped[str]
    culture: Mapped[str]
    gender: Mapped[str]
    sexuality: Mapped[str]
    recorded_with_young_person: Mapped[bool]


class ContingencyRow(Base):
    __tablename__ = "contingency"
    plan_id: Mapped[str] = _plan_fk(primary_key=True)
    plan: Mapped[str]
    fallback_home: Mapped[str]
    who_to_call: Mapped[str]
    own_words: Mapped[str]


# --------------------------------------------------------------------------- lists


class CareEpisodeRow(Base):
    __tablename__ = "care_episodes"
    id: Mapped[str] = mapped_column(ID, primary_key=True)
    plan_id: Mapped[str] = _plan_fk()
    position: Mapped[int]
    start: Mapped[date | None]
    end: Mapped[date | None]
    home_type: Mapped[str] = mapped_column(CODE)
    legal_status: Mapped[str] = mapped_column(CODE)
    short_break: Mapped[bool]
    home_name: Mapped[str]
    notes: Mapped[str]


class ImmigrationMatterRow(Base):
    __tablename__ = "immigration_matters"
    id: Mapped[str] = mapped_column(ID, primary_key=True)
    plan_id: Mapped[str] = _plan_fk()
    position: Mapped[int]
    status: Mapped[str] = mapped_column(CODE)
    since: Mapped[date | None]
    until: Mapped[date | None]
    notes: Mapped[str]


class ChildRow(Base):
    __tablename__ = "children"
    id: Mapped[str] = mapped_column(ID, primary_key=True)
    plan_id: Mapped[str] = _plan_fk()
    position: Mapped[int]
    name: Mapped[str]
    due_on: Mapped[date | None]
    born_on: Mapped[date | None]
    lives_with_young_person: Mapped[bool | None]
    notes: Mapped[str]


class PermanenceOrderRow(Base):
    __tablename__ = "permanence_orders"
    id: Mapped[str] = mapped_column(ID, primary_key=True)
    plan_id: Mapped[str] = _plan_fk()
    position: Mapped[int]
    kind: Mapped[str] = mapped_column(CODE)
    made_on: Mapped[date | None]
    with_whom: Mapped[str]
    ended_on: Mapped[date | None]
    notes: Mapped[str]


class RelationshipRow(Base):
    __tablename__ = "relationships"
    id: Mapped[str] = mapped_column(ID, primary_key=True)
    plan_id: Mapped[str] = _plan_fk()
    position: Mapped[int]
    name: Mapped[str]
    relationship_type: Mapped[str] = mapped_column(CODE)
    description: Mapped[str]
    closeness: Mapped[str] = mapped_column(CODE)
    contact_frequency: Mapped[str] = mapped_column(CODE)
    contact_means: Mapped[str]
    there_at_25: Mapped[str] = mapped_column(CODE)
    status: Mapped[str] = mapped_column(CODE)
    keep_in_touch_plan: Mapped[str]
    in_support_plan: Mapped[bool]
    what_they_bring: Mapped[str]
    safety_notes: Mapped[str]
    contact_restrictions: Mapped[str]
    phone: Mapped[str]


class SkillRow(Base):
    __tablename__ = "skills"
    id: Mapped[str] = mapped_column(ID, primary_key=True)
    plan_id: Mapped[str] = _plan_fk()
    position: Mapped[int]
    key: Mapped[str] = mapped_column(CODE)
    level: Mapped[str] = mapped_column(CODE)
    notes: Mapped[str]


class LifeStoryEntryRow(Base):
    __tablename__ = "life_story_entries"
    id: Mapped[str] = mapped_column(ID, primary_key=True)
    plan_id: Mapped[str] = _plan_fk()
    position: Mapped[int]
    title: Mapped[str]
    text: Mapped[str]
    when: Mapped[date | None]
    kind: Mapped[str] = mapped_column(CODE)


class SupportAreaRow(Base):
    __tablename__ = "support_areas"
    plan_id: Mapped[str] = _plan_fk(primary_key=True)
    area: Mapped[str] = mapped_column(CODE, primary_key=True)
    position: Mapped[int]
    own_words: Mapped[str]
    assessment: Mapped[str]


class ActionRow(Base):
    __tablename__ = "actions"
    id: Mapped[str] = mapped_column(ID, primary_key=True)
    plan_id: Mapped[str] = _plan_fk()
    area: Mapped[str] = mapped_column(CODE)
    position: Mapped[int]  # within its area
    what: Mapped[str]
    who: Mapped[str]
    by_when: Mapped[date | None]
    status: Mapped[str] = mapped_column(CODE)


class ReviewRow(Base):
    __tablename__ = "reviews"
    id: Mapped[str] = mapped_column(ID, primary_key=True)
    plan_id: Mapped[str] = _plan_fk()
    position: Mapped[int]
    held_on: Mapped[date | None]
    participants: Mapped[str]
    summary: Mapped[str]
    young_person_views: Mapped[str]


class AdviserRow(Base):
    __tablename__ = "advisers"
    id: Mapped[str] = mapped_column(ID, primary_key=True)
    plan_id: Mapped[str] = _plan_fk()
    position: Mapped[int]
    name: Mapped[str]
    organisation: Mapped[str]
    start: Mapped[date | None]
    end: Mapped[date | None]
    handover_notes: Mapped[str]
    phone: Mapped[str]
    email: Mapped[str]


class SignOffRow(Base):
    __tablename__ = "sign_off"
    plan_id: Mapped[str] = _plan_fk(primary_key=True)
    young_person_view: Mapped[str] = mapped_column(CODE)
    young_person_comments: Mapped[str]
    advocacy_offered: Mapped[bool | None]
    advocate: Mapped[str]
    interpreter_used: Mapped[bool | None]
    interpreter_language: Mapped[str]
    reviewing_officer: Mapped[str]
    copies_to: Mapped[str]


class PromptResponseRow(Base):
    __tablename__ = "prompt_responses"
    id: Mapped[str] = mapped_column(ID, primary_key=True)
    plan_id: Mapped[str] = _plan_fk()
    position: Mapped[int]
    rule_id: Mapped[str]
    answer: Mapped[str] = mapped_column(CODE)
    note: Mapped[str]
    until: Mapped[date | None]
    by: Mapped[str]
    at: Mapped[datetime | None]
    fingerprint: Mapped[str]


class SharingChoiceRow(Base):
    __tablename__ = "sharing_choices"
    id: Mapped[str] = mapped_column(ID, primary_key=True)
    plan_id: Mapped[str] = _plan_fk()
    position: Mapped[int]
    path: Mapped[str]
    audience: Mapped[str] = mapped_column(CODE)
    shared: Mapped[bool]
    decided_on: Mapped[date | None]


metadata = Base.metadata
plans = PlanRow.__table__


# --------------------------------------------------------------------------- the audit trail
# Plain tables (no domain class): see :mod:`.audit` for what the rows mean and migration 0002
# for the triggers that refuse UPDATE and DELETE. No foreign key to ``plans``: the trail
# outlives a deleted plan.

AUDIT_ACTIONS = ("opened", "created", "changed", "exported", "printed", "imported", "deleted")
AUDIT_SEQ = BigInteger().with_variant(Integer(), "sqlite")

audit_log = Table(
    "audit_log",
    metadata,
    Column("seq", AUDIT_SEQ, primary_key=True, autoincrement=False),
    Column("at", String(32), nullable=False),
    Column("user_name", Text(), nullable=False),
    Column("action", String(20), nullable=False),
    Column("plan_id", String(36), nullable=True, index=True),
    Column("plan_version", Integer(), nullable=True),
    Column("detail", Text(), nullable=False),
    Column("prev_hash", String(64), nullable=False),
    Column("hash", String(64), nullable=False, unique=True),
    CheckConstraint("action IN ('" + "', '".join(AUDIT_ACTIONS) + "')", name="action"),
)
audit_head = Table(
    "audit_head",
    metadata,
    Column("id", Integer(), primary_key=True, autoincrement=False),
    Column("seq", AUDIT_SEQ, nullable=False),
    Column("hash", String(64), nullable=False),
)

