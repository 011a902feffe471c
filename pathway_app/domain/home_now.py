"""Where a young person lives now, worked out from their care history.

A care episode says where they moved in and when; the plan's *Home now* says the same thing
again. :func:`fill_from_care_history` gives the Home fields that are still empty the values of
the newest care episode, so nobody types them twice.
"""

from __future__ import annotations

from datetime import date
from typing import Any

from .model import CareEpisode, Plan

#: Home field ← care episode field
_PAIRS = (("current_name", "home_name"), ("current_type", "home_type"), ("current_since", "start"))


def newest_episode(plan: Plan) -> CareEpisode | None:
    """The home they live in now: the newest episode that has not ended (else None)."""
    open_ = [e for e in plan.care_episodes if e.end is None and not e.short_break]
    if not open_:
        return None
    return max(open_, key=lambda e: e.start or date.min)


def fill_from_care_history(plan: Plan) -> dict[str, Any]:
    """{Home field: value} for the Home fields that are empty and the care history can fill.

    The name and the kind of home go together: the kind is only taken when the name is empty
    (a kind is always set, so it cannot say whether someone chose it). Nothing is changed here.
    """
    episode = newest_episode(plan)
    if episode is None:
        return {}
    home = plan.home
    out: dict[str, Any] = {}
    if not home.current_name.strip() and episode.home_name.strip():
        out["current_name"] = episode.home_name.strip()
        if home.current_type != episode.home_type:
            out["current_type"] = episode.home_type
    if home.current_since is None and episode.start is not None:
        out["current_since"] = episode.start
    return out


__all__ = ["fill_from_care_history", "newest_episode"]
