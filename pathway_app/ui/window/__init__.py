"""The main window and the controllers it wires together.

    shell            MainWindow: the pages (your young people, a plan, together mode, the lock
                     screen), opening, adding and deleting young people, the save status
    menus            the File, Edit, View and Plan menus, and which actions may be used when
    caseload_control the list of young people: paging a long list, counting prompts when idle
    locking          locking after idle time, unlocking, encrypting; how the records are kept
    files            plans files, PDFs, everything held (subject access), the plan's history
    stale            when someone else saved the open plan first
"""

from .shell import MainWindow

__all__ = ["MainWindow"]
