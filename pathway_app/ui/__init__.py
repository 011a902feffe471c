"""The desktop app (PySide6). Only this package imports Qt; it never holds a database session.

Modules:
    app          run_app(): QApplication, the store, the main window
    window       the main window (menus, pages) and its controllers: the list of young people,
                 locking and encryption, files and PDFs, stale saves
    session      PlanSession: the open plan, undo stack, autosave, save status
    fields       form widgets bound to one field of the plan (text, date, choice, yes/no)
    records      table models and editors for lists of records (people, reviews ...)
    areas        the areas of a plan: keys, titles, prompt areas, which page shows a field
    pages        the plan, area by area: one page per area (a form and the prompts beside it)
    plan_view    header strip, list of areas, the area pages and the prompt panel slot
    map_view     the relationship map widget (map_layout: where everyone goes; map_paint: drawing)
    caseload     "Your young people": table model, filter proxy, first-run page
    together     together mode: the young person's own words, one question at a time
    dialogs      new young person, stale save, confirmations
    theme        palette-aware styling (works in light and dark mode)
"""
