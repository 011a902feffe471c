"""Research prompts: rules as data (``resources/guidance/rules``), evaluated against a plan.

- :func:`evaluate`, :func:`considered`, :func:`respond`, :func:`count_open` — the engine;
- :func:`record_done` — answering a prompt "done" by recording the fact behind it;
- :func:`load_rules`, :class:`RuleError` — the rule files;
- :func:`format_citation`, :func:`load_sources` — the source registry;
- :mod:`.at25` — the "Who will be there at 25?" question flow.

Nothing here imports Qt, SQLAlchemy or reportlab.
"""

from .answers import Done, record_done
from .engine import ResponseError, considered, count_open, evaluate, respond
from .rules import Rule, RuleError, load_rules
from .sources import Citation, format_citation, load_sources
from .types import AnswerField, Prompt, Urgency

__all__ = [
    "AnswerField",
    "Citation",
    "Done",
    "Prompt",
    "ResponseError",
    "Rule",
    "RuleError",
    "Urgency",
    "considered",
    "count_open",
    "evaluate",
    "format_citation",
    "load_rules",
    "load_sources",
    "record_done",
    "respond",
]
