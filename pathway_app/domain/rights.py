"""What a young person is entitled to, in their own words, for their age and category (England).

``my_rights(plan, today)`` gives the sentences "My pathway plan" prints under "My rights": the
personal adviser (to 21, and to 25 on request — Children Act 1989 s.23C and s.23CZB, inserted by
the Children and Social Work Act 2017 s.3), Staying Put for a young person in foster care
(s.23CZA) and Staying Close for one leaving a children's home, advice and help for a qualifying
care leaver (s.24), and the local offer. Pure: "today" is a parameter.
"""

from __future__ import annotations

from datetime import date

from .care_leaver import Category
from .dates import care_leaver_category
from .days import age_on
from .model import Plan
from .organisation import organisation
from .vocab import HomeType

_FOSTER = frozenset({HomeType.FOSTER, HomeType.KINSHIP, HomeType.STAYING_PUT})
_CHILDRENS_HOME = frozenset({HomeType.RESIDENTIAL, HomeType.STAYING_CLOSE})

ASK_TO_25 = ("Once I'm 21, I can still have a personal adviser until I'm 25 if I ask — "
             "I can ask at any time, even if I said no before.")


def my_rights(plan: Plan, today: date) -> list[str]:
    """The young person's rights now, as first-person sentences (nothing for a date of birth
    not yet recorded)."""
    dob = plan.person.date_of_birth
    if dob is None:
        return []
    age = age_on(dob, today)
    cat = care_leaver_category(plan, today).category
    out: list[str] = []
    if cat is Category.NOT_YET:
        if age < 16:
            out.append("From my 16th birthday, if I have been looked after for 13 weeks since I was 14, I get a "
                       "personal adviser and a pathway plan like this one.")
        else:
            out.append("I can ask the council for advice and help as I move into adult life.")
    elif cat is Category.ELIGIBLE:
        out.append("I'm looked after, so the council must help me get ready for adult life: I have a personal "
                   "adviser now, and this pathway plan.")
        out.append("When I turn 18 my personal adviser carries on helping me until I'm 21.")
        out.append(ASK_TO_25)
    elif cat is Category.RELEVANT:
        out.append("I've left care, but until I'm 18 the council must still help me with somewhere to live and "
                   "money, and I have a personal adviser and this plan.")
        out.append("When I turn 18 my personal adviser carries on helping me until I'm 21.")
        out.append(ASK_TO_25)
    elif cat is Category.FORMER_RELEVANT:
        if age < 21 and plan.pa_support_to_25:
            out.append("I have a personal adviser and this pathway plan, and I've asked to keep my adviser until I'm 25.")
        elif age < 21:
            out.append("I have a personal adviser and this pathway plan until I'm 21.")
            out.append(ASK_TO_25)
        elif plan.pa_support_to_25:
            out.append("I asked to keep my personal adviser after 21, so I have one, and this plan, until I'm 25.")
        else:
            out.append("I can have a personal adviser again, and a pathway plan, at any time until I'm 25: "
                       "I just need to ask.")
    elif cat is Category.QUALIFYING:
        out.append("I can ask the council for advice and help as I move into adult life, and for help with "
                   "education or training, until I'm 21 (or 25 if I'm in education or training).")
    home = plan.home.current_type
    if home in _FOSTER and age < 18:
        out.append("If my foster carers and I both want it, I can stay living with them after I'm 18, until I'm 21 "
                   "(Staying Put). The council helps them with money so I can.")
    elif home in _FOSTER and age < 21:
        out.append("I can keep living with my foster carers until I'm 21 if we all want it (Staying Put), and the "
                   "council helps them with money so I can.")
    if home in _CHILDRENS_HOME and age < 25:
        out.append("When I leave my children's home I can live nearby and keep in touch with the staff I know "
                   "(Staying Close).")
    offer = organisation().local_offer
    if offer and cat is not Category.NOT_YET:
        out.append(offer)
    return out
