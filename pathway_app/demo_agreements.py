"""The demo young people's Staying Put and Staying Close agreements (see :mod:`.demo`).

Everyone here is made up. Complete enough to show every part of the documents:

- **Tom Whitfield**: a Living Together Agreement with two carers, Karen and Steve Lowe; version 1
  was agreed before his 18th birthday, version 2 (his board went up with his wage) is in force.
- **Callum Price**: his Staying Put with Linda Shaw ended on his 21st birthday; kept as a record.
- **Reece Tanner**: a Staying Close plan with Larch House, two named staff, ready to sign.
- **Dawit Tekle**: a draft being written with Hiwet and Daniel Berhe.
- **Mia Lawson**: a draft with her nan, with a practitioners' note that never reaches Nan's copy.

Dates are relative to the young person's birthdays (``m`` is the demo's date maker).
"""

from __future__ import annotations

import copy
from typing import Any

from .domain.model import (
    Carer,
    HouseRule,
    Signature,
    StayingCloseAgreement,
    StayingCloseContact,
    StayingPutAgreement,
)
from .domain.vocab import AgreementStatus, EndBasis, HouseRuleTopic, Party

T = HouseRuleTopic
LA = "Northmoor Council"


def _rules(spec: dict[HouseRuleTopic, tuple[bool, str, str, str]]) -> list[HouseRule]:
    """(same as before 18, what we agree, young person's words, carers' words) per topic."""
    out = []
    for topic in T:
        if topic in spec:
            same, agreed, yp, carers = spec[topic]
            out.append(HouseRule(topic=topic, same_as_before=same, agreed=agreed, young_person_words=yp, carers_words=carers))
    return out


def tom(m: Any) -> list[StayingPutAgreement]:
    v1 = StayingPutAgreement(
        carers=[Carer(name="Karen Lowe", pronouns="she/her", phone="07700 900301", email="karen.lowe@example.org"),
                Carer(name="Steve Lowe", pronouns="he/him", phone="07700 900302")],
        worker_name="Priya Nair", worker_contact="07700 900202, priya.nair@northmoor.example.gov.uk",
        supervising_name="Dev Sharma", supervising_agency="Northmoor Fostering Service",
        supervising_contact="01632 960410", authority=LA, authority_contact="Ruth Okafor, Leaving Care Team Manager",
        young_person_words="This is my home. I want to stay till I've finished my apprenticeship and saved for a place.",
        carers_words="Tom has been with us ten years. He's family, and he stays as long as he needs to.",
        young_person_responsibilities="Pay my board on time, tell Karen or Steve if I'm going to be late, keep "
                                      "working with Priya on my pathway plan, and treat everyone at home with respect.",
        carer_responsibilities="Give Tom a home and the support in this agreement; keep Priya told of anything "
                               "that affects the arrangement; keep up their fostering approval and training.",
        worker_responsibilities="Visit at least every two months, review the pathway plan and this agreement, "
                                "and help Tom plan his move when he is ready.",
        supervising_responsibilities="Supervise and support Karen and Steve, including while the younger "
                                     "children they foster live with Tom.",
        authority_responsibilities="Pay the Staying Put allowance to Karen and Steve every four weeks and review "
                                   "the arrangement at least every six months.",
        house_rules=_rules({
            T.VISITORS: (False, "Friends welcome until 10pm on weeknights. A partner can stay over at weekends once "
                                "Karen and Steve have met them.", "Fair.", "We'd like to meet anyone who stays over."),
            T.STAYING_AWAY: (False, "Text if staying at a mate's; back by Sunday night.", "", ""),
            T.KEYS: (True, "", "", ""),
            T.COMING_HOME: (False, "Text if out after midnight; quiet after 11pm for the younger children.", "", ""),
            T.ALCOHOL_SMOKING_DRUGS: (False, "No smoking in the house or garden; no drugs; no drinking in front "
                                             "of the younger children.", "", ""),
            T.FOOD: (False, "Family meal on Sundays. Tom cooks on Wednesdays.", "I make a good chilli.", ""),
            T.CHORES: (True, "", "", ""),
            T.PHONE_INTERNET: (True, "", "", ""),
            T.PETS: (False, "Tom walks Biscuit on weekday evenings.", "", ""),
            T.OTHER_CHILDREN: (False, "Tom is a role model for the two younger children in foster care here; he "
                                      "doesn't share their stories outside the house. The fostering service has "
                                      "done the checks an adult in a foster home needs.", "", ""),
        }),
        house_rules_notes="Own room; contributes to the shop.",
        practical_support="Budgeting with Karen once a month; Steve helps with the van insurance and driving practice.",
        emotional_support="Someone to talk to at home; Karen and Steve keep in touch with Priya if Tom is struggling.",
        skills="Paying bills, food shopping on a budget, finding and renting a flat.",
        support_words="Help with money and renting. Not too much help with cooking.",
        carer_payment="Staying Put allowance of £260 a week from Northmoor Council, paid every four weeks.",
        contribution="£40 a week board.", contribution_from="His apprentice wage.",
        housing_costs="No Housing Benefit or Universal Credit housing costs claimed: Tom's wage covers his board.",
        housing_costs_claimed_by="Not claimed.",
        council_tax="Tom is exempt until his 25th birthday (care leavers' exemption); the Lowes' bill is unchanged.",
        contracts="Tom's mobile contract is in his name at this address. No credit agreements.",
        money_notes="Tom pays £40 a week board from his wage; the Lowes receive the Staying Put allowance.",
        education_support="Lifts to college on block-release days when the bus doesn't fit.",
        work_support="Help to keep his apprenticeship going; up early on site days.",
        health_support="Registered with the GP and dentist; Karen reminds Tom about check-ups.",
        start=m.age(18), end=m.age(21), end_basis=EndBasis.TWENTY_FIRST_BIRTHDAY, review_date=m.ahead(months=2),
        disagreements="Talk at home first; if that doesn't sort it, Priya and Dev meet with everyone within two weeks.",
        notice="Four weeks on either side, except in an emergency.",
        ending_early="Priya finds Tom somewhere suitable (supported lodgings near work) before he moves; "
                     "Karen and Steve stay in touch.",
        move_on="Renting near work after 21, with Priya's help and the setting-up-home allowance.",
        notes="Agreed at the 17-year review.",
    )
    v1.version = 1
    v1.status = AgreementStatus.SUPERSEDED
    v1.agreed_on = m.age(17, 10)
    v1.superseded_on = m.age(18, 2)
    v1.contribution = "£30 a week board."
    v1.signatures = _signed(v1, "Tom Whitfield", m.age(17, 10))
    v2 = copy.deepcopy(v1)
    v2.version = 2
    v2.status = AgreementStatus.AGREED
    v2.contribution = "£40 a week board."
    v2.agreed_on = m.age(18, 2)
    v2.superseded_on = None
    v2.notes = "Board went up with Tom's wage rise; nothing else changed."
    v2.signatures = _signed(v2, "Tom Whitfield", m.age(18, 2))
    return [v1, v2]


def _signed(a: StayingPutAgreement, young_person: str, on: Any) -> list[Signature]:
    out = [Signature(Party.YOUNG_PERSON, young_person, on)]
    out += [Signature(Party.CARER, c.name, on) for c in a.carers]
    out += [Signature(Party.PERSONAL_ADVISER, a.worker_name, on),
            Signature(Party.SUPERVISING_SOCIAL_WORKER, a.supervising_name, on),
            Signature(Party.AUTHORITY, a.authority_contact, on)]
    return out


def callum(m: Any) -> list[StayingPutAgreement]:
    a = StayingPutAgreement(
        status=AgreementStatus.ENDED,
        carers=[Carer(name="Linda Shaw", pronouns="she/her", phone="07700 900311")],
        worker_name="Beth Lowry", worker_contact="07700 900204", supervising_name="Ann Hale",
        supervising_agency="Northmoor Fostering Service", supervising_contact="01632 960410", authority=LA,
        authority_contact="Ruth Okafor, Leaving Care Team Manager",
        young_person_words="Linda's is where I come back to.", carers_words="Callum's room is his for as long as he needs it.",
        young_person_responsibilities="Keep Linda told when I'm coming home from university; pay my keep in the holidays.",
        carer_responsibilities="Keep Callum's room for the holidays; give the support agreed here.",
        worker_responsibilities="Keep in touch each term; review the arrangement every six months.",
        supervising_responsibilities="Supervise Linda's fostering, including Staying Put.",
        authority_responsibilities="Pay the Staying Put allowance, including a retainer in term time.",
        house_rules=_rules({
            T.VISITORS: (True, "", "", ""), T.STAYING_AWAY: (False, "Text if not coming home.", "", ""),
            T.KEYS: (True, "", "", ""), T.COMING_HOME: (False, "Home by midnight in the holidays or text.", "", ""),
            T.ALCOHOL_SMOKING_DRUGS: (True, "", "", ""), T.FOOD: (True, "", "", ""), T.CHORES: (True, "", "", ""),
            T.PHONE_INTERNET: (True, "", "", ""), T.PETS: (True, "", "", ""), T.OTHER_CHILDREN: (True, "", "", ""),
        }),
        house_rules_notes="Home by midnight in the holidays or text.",
        practical_support="Food parcels in term time; help packing for halls.",
        emotional_support="A phone call every Sunday.", skills="Cooking on a budget for a shared house.",
        carer_payment="Staying Put allowance in the holidays; a retainer in term time.",
        contribution="£25 a week in the holidays.", contribution_from="His student loan.",
        housing_costs="None: a full-time student cannot claim housing costs here.", housing_costs_claimed_by="Not claimed.",
        council_tax="Not affected.", contracts="None.",
        money_notes="Callum paid £25 a week from his loan in the holidays; Linda received the Staying Put allowance.",
        education_support="Help with the university application and student finance.", work_support="",
        health_support="Registered with the university health centre in term time.",
        start=m.age(18), end=m.age(21), review_date=m.age(20, 6),
        disagreements="Talk first; Beth meets with both if needed.", notice="Four weeks either side.",
        ending_early="Beth finds holiday housing with Callum.", move_on="A shared house with friends from university.",
        agreed_on=m.age(17, 11), ended_on=m.age(21),
        end_reason="It ran its full course to Callum's 21st birthday; he lives at university and Linda fosters again.",
        notes="Ended at Callum's 21st birthday.",
    )
    a.signatures = _signed(a, "Callum Price", m.age(17, 11))
    return [a]


def reece(m: Any, move: Any) -> list[StayingCloseAgreement]:
    return [StayingCloseAgreement(
        home_name="Larch House", home_contact="01632 960500 (office), 2 Mill Lane, Northmoor", manager_name="Jan Morris",
        staff=[StayingCloseContact(name="Dee Campbell", role="key worker", how_keep_in_touch="weekly catch-up and Sunday dinner",
                                   how_often="Every week", phone="07700 900501"),
               StayingCloseContact(name="Jan Morris", role="registered manager", how_keep_in_touch="monthly check-in call",
                                   how_often="Every month", phone="01632 960500")],
        worker_name="Priya Nair", worker_contact="07700 900202", authority=LA,
        authority_contact="Ruth Okafor, Leaving Care Team Manager",
        young_person_words="I want my own place but I don't want to lose Larch House. Dee's known me since I was 13.",
        new_home="Flat 3, 41 Orchard Road (housing association)", distance="Ten minutes' walk from Larch House.",
        young_person_responsibilities="Pay my rent and bills, look after the flat, and tell Dee or Priya early if things go wrong.",
        home_responsibilities="Keep Dee involved as agreed; welcome Reece back as set out below.",
        worker_responsibilities="Visit the flat every month; help with the tenancy and benefits.",
        authority_responsibilities="Fund the Staying Close support and review it every six months.",
        come_back_meals="Sunday dinner at Larch House every week.",
        come_back_activities="The Friday bike club with the younger lads, if he wants to help run it.",
        come_back_celebrations="His birthday tea, Christmas dinner and results days at Larch House.",
        come_back_hard_times="He can ring the home any time; he can stay over in the spare room by arrangement.",
        come_back_words="Sunday dinners matter most.",
        come_back_notes="Sunday dinner at Larch House every week; can ring the home any time; can stay over in the "
                        "spare room by arrangement if things get hard.",
        out_of_hours="Larch House staff on 01632 960500 (always answered); the emergency duty team 01632 960999.",
        basket_of_hours="Ten hours a month of Dee's time, used as Reece and Dee agree.",
        independence_support="Budgeting, cooking for one, and setting up gas, electricity and internet in his name.",
        start=move, end=m.age(21), review_date=m.ahead(months=6),
        disagreements="Talk with Dee first, then Jan and Priya together.",
        ending="At 21, or earlier if Reece asks; Dee stays in touch as a friend of the home afterwards.",
        notes="Manager supports it; funding agreed in principle, waiting for the panel date.",
    )]


def dawit(m: Any) -> list[StayingPutAgreement]:
    a = StayingPutAgreement(
        carers=[Carer(name="Hiwet Berhe", pronouns="she/her"), Carer(name="Daniel Berhe", pronouns="he/him")],
        worker_name="Sam Oduya", authority=LA,
        young_person_words="I want to stay with Hiwet and Daniel.",
        house_rules=_rules({t: (False, "", "", "") for t in T if t is not T.OWN}),
        start=m.age(18), end=m.age(21),
        notes="Depends on the outcome of Dawit's asylum claim; the Berhes want it.",
    )
    a.house_rules[0].agreed = "Friends welcome in the day."
    return [a]


def mia(m: Any) -> list[StayingPutAgreement]:
    a = StayingPutAgreement(
        carers=[Carer(name="Jean Lawson", pronouns="she/her", phone="07700 900321")],
        worker_name="Olu Bakare", authority=LA,
        young_person_words="Nan's house is home.", carers_words="She stays with me.",
        house_rules=_rules({t: (True, "", "", "") for t in T if t is not T.OWN}),
        start=m.age(18), end=m.age(21),
        notes="Nan is 71; Mia worries about her health. Check at each review how Jean is managing.",
    )
    return [a]
