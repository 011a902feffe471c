"""Read the app the way a screen reader does: walk its live AT-SPI tree and print it as JSON.

Run with Debian's python3 (``pyatspi`` is not on PyPI), inside the D-Bus session the app's
accessibility bus is in::

    /usr/bin/python3 walk.py <pid of the app>

Prints one JSON list: every node the app shows (``showing``), with its role, name,
description, the states that matter, and its path of roles from the application down. A
hidden subtree (a page not on screen, a closed menu) is not walked. Long tables are cut at
``CELLS`` cells: their first rows say what every row is.
"""

from __future__ import annotations

import json
import sys

import pyatspi

CELLS = 60
STATES = {
    "focusable": pyatspi.STATE_FOCUSABLE,
    "focused": pyatspi.STATE_FOCUSED,
    "showing": pyatspi.STATE_SHOWING,
    "visible": pyatspi.STATE_VISIBLE,
    "enabled": pyatspi.STATE_ENABLED,
}


def node(acc, path: list[str]) -> dict:
    states = acc.getState()
    try:
        actions = acc.queryAction()
        action_names = [actions.getName(i) for i in range(actions.nActions)]
    except NotImplementedError:
        action_names = []
    return {
        "role": acc.getRoleName(),
        "name": acc.name or "",
        "description": acc.description or "",
        "states": [k for k, s in STATES.items() if states.contains(s)],
        "children": acc.childCount,
        "actions": action_names,
        "path": path,
    }


def walk(acc, path: list[str], out: list[dict]) -> None:
    me = node(acc, path)
    if "showing" not in me["states"] and path:
        return
    out.append(me)
    here = path + [f"{me['role']}:{me['name'][:40]}"]
    count = acc.childCount
    if me["role"] in ("table", "tree table", "list", "tree") and count > CELLS:
        count = CELLS
    for i in range(count):
        child = acc.getChildAtIndex(i)
        if child is not None:
            walk(child, here, out)


def main(pid: int) -> int:
    desktop = pyatspi.Registry.getDesktop(0)
    for i in range(desktop.childCount):
        app = desktop.getChildAtIndex(i)
        if app is not None and app.get_process_id() == pid:
            out: list[dict] = []
            walk(app, [], out)
            json.dump(out, sys.stdout)
            return 0
    print(json.dumps({"error": f"no application with process id {pid} on the accessibility bus"}))
    return 2


if __name__ == "__main__":
    sys.exit(main(int(sys.argv[1])))
