"""The app's own sentences: what it says that is not a field's words.

A field's words (its label, help and the noun used in sentences) come from the field
catalogue (:mod:`pathway_app.domain.fields`); validation problems are catalogue sentences
(``str(problem)``). Everything else the app says when something needs doing — why a save
was refused, what is wrong with a date, what an answer still needs — is in :data:`MESSAGES`,
by key, and made with :func:`say`. ``tests/ui/test_words.py`` reads the whole table (and every
text on screen) for plan paths, ids, slips of English ("21th") and the words the app promises
never to use (a young person's *home*; a *young person*).
"""

from __future__ import annotations

from typing import Any

MESSAGES: dict[str, str] = {
    # saving (the status bar)
    "saved": "Saved",
    "saving": "Saving…",
    "and_more": " (and {count} more)",
    "not_saved_problem": "Not saved: {problem}{more}. Your text is kept.",
    "not_saved_unreadable": "Not saved: {problem}",
    "not_saved_stale": "Not saved: someone else saved a newer version of this plan. Your changes are kept.",
    "not_saved_database": "Not saved: {error} Your changes are kept; saving will be tried again.",
    "not_saved_file": "Not saved: {error}. Your changes are kept.",
    # dates typed by a person
    "date_hint": "Type a date as day/month/year, like 23/11/2026",
    "date_unreadable": "“{text}” is not a date I can read. {hint}.",
    "date_not_real": "“{text}” is not a real date. {hint}.",
    # answering a prompt
    "why_needed": "“Why it is not relevant” is needed: say why this does not apply.",
    "later_unreadable": "“Come back to it on”: {problem}",
    "later_needed": "“Come back to it on” is needed: choose a date after today.",
    "later_after_today": "“Come back to it on” must be after today ({today}).",
    "done_unreadable": "“{field}”: {problem}",
    "done_needed": "“{field}” is needed: the day it was done goes into the plan.",
    "done_not_after_today": "“{field}” cannot be after today ({today}).",
    "value_needed": "“{field}” is needed: what you give here goes into the plan.",
    "value_not_after_today": "“{field}” cannot be after today ({today}): record it once it is done.",
    "still_raised": "Recorded in the plan. The prompt still applies, though: {prompt}",
    # records that can only be read
    "read_only_banner": "These records can only be read here, because {reason}. You can open, read and search "
                        "them; editing is off and nothing is saved.",
    "read_only_tip": "Not while these records can only be read here (because {reason}).",
    # adding a young person
    "name_needed": "A given name (or a preferred name) is needed.",
    "birth_needed": "A date of birth is needed to work out their key dates.",
    "birth_in_future": "The date of birth is in the future.",
    "care_in_future": "That day is in the future.",
    "care_before_birth": "That day is before their date of birth.",
    "put_right_one": "Put right the field marked ⚠ to start their plan.",
    "put_right_many": "Put right the {count} fields marked ⚠ to start their plan.",
    # choosing a passphrase
    "passphrase_short": "The passphrase needs at least {least} characters: {more} more.",
    "passphrases_differ": "The two passphrases are not the same. Type it again carefully.",
    # agreements (Staying Put, Staying Close) and the files shared with carers and key workers
    "agreement_none": "There is no {name} yet. Start one to write it together: the parties and the usual "
                      "topics are filled in from the plan.",
    "agreement_draft": "Version {version} is being written. When everyone has signed it, record the signing.",
    "agreement_in_force": "Agreed on {on} and kept as it was signed. To change anything, start a new version.",
    "agreement_ended": "This arrangement ended on {on}. It is kept as a record, as it was signed.",
    "agreement_replaced": "A later version was agreed in its place on {on}. It is kept as a record, as it was signed.",
    "agreement_day_needed": "The day is needed.",
    "agreement_day_future": "That day is after today ({today}).",
    "agreement_name_needed": "Type the name of who signed as {who}, or untick it.",
    "agreement_discard": "Discard the draft of the {name}? What was written in it goes (Undo brings it back).",
    "agreement_printed": "PDF saved to {path}",
    "agreement_print_failed": "The PDF could not be made: {error}",
    "share_save_first": "Nothing was shared: the plan must be saved first. {problem}",
    "share_made": "Saved {path}. Give them the passphrase another way: say it on the phone, never in the same "
                  "message as the file.",
    "share_failed": "Nothing was shared: {error}",
    "share_unsaved": "Not saved into the file yet",
    "share_saved": "Saved into the file",
    "share_not_saved": "Not saved: {error}",
    "import_already": "This returned plan was imported already ({when}). Nothing was changed.",
    "import_nothing": "Nothing in the returned plan is different from the plan as it is now. Nothing was changed.",
    "import_saved": "Kept {accepted} of {total} changes from the returned plan, as one change to the plan.",
    "import_none_kept": "No change was kept. Nothing in the plan was changed.",
}


def say(key: str, **values: Any) -> str:
    """The message ``key`` with ``values`` put in ("Not saved: … Your text is kept.")."""
    return MESSAGES[key].format(**values)


__all__ = ["MESSAGES", "say"]
