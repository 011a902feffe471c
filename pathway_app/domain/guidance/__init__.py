"""Research prompts: rules as data (``resources/guidance/rules``), evaluated against a plan.

- :func:`evaluate`, :func:`considered`, :func:`respond`, :func:`count_open` — the engine;
- :func:`load_rules`, :class:`RuleError` — the rule files;
- :func:`format_citation`, :func:`load_sources` — the source registry;
- :mod:`.at25` — the "Who will be there at 25?" question flow.

Nothing here imports Qt, SQLAlchemy or reportlab.
"""

from .engine import ResponseError, considered, count_open, evaluate, respond
from .rules import Rule, RuleError, load_rules
from .sources import Citation, format_citation, load_sources
from .types import Prompt, Urgency

__all__ = [
    "Citation",
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
    "respond",
]
