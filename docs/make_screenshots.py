"""Render the app's main screens with the demo young people to PNG files in docs/screenshots/.

    python docs/make_screenshots.py [--out docs/screenshots] [--dark]

Runs offscreen (no display needed) on a throwaway database; uses ``widget.grab()``.
"""

from __future__ import annotations

import argparse
import os
import sys
import tempfile
from datetime import date
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE.parent))
os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

TODAY = date(2026, 11, 23)
SIZE = (1360, 860)


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser()
    ap.add_argument("--out", default=str(HERE / "screenshots"))
    args = ap.parse_args(argv)
    out = Path(args.out)
    out.mkdir(parents=True, exist_ok=True)
    data = Path(tempfile.mkdtemp(prefix="pathway-shots-"))
    os.environ["PATHWAY_DATA_DIR"] = str(data)

    from PySide6.QtGui import QFont, QFontDatabase
    from PySide6.QtWidgets import QApplication

    from pathway_app.demo import demo_plans
    from pathway_app.paths import resource
    from pathway_app.store import open_store
    from pathway_app.ui import theme
    from pathway_app.ui.app import make_application, open_window

    app = make_application([])
    # A font shipped with the app, so screenshots look the same on every machine.
    for f in ("NotoSans-Regular.ttf", "NotoSans-Bold.ttf", "NotoSans-Italic.ttf"):
        QFontDatabase.addApplicationFont(str(resource("fonts", f)))
    app.setFont(QFont("Noto Sans", 10))
    app.setStyle("Fusion")
    light = app.palette()

    def shoot(widget, name: str) -> None:
        for _ in range(3):
            app.processEvents()
        path = out / f"{name}.png"
        widget.grab().save(str(path))
        print(path)

    def window(store, ddir):
        w = open_window(store, ddir, lambda: TODAY)
        w.resize(*SIZE)
        w.show()
        return w

    # 1. the empty first run
    empty_dir = data / "empty"
    empty_dir.mkdir()
    st = open_store(data_dir=str(empty_dir))
    w = window(st, empty_dir)
    shoot(w, "01-first-run")
    w.close()
    st.close()

    # 2. the demo young people
    demo_dir = data / "demo"
    demo_dir.mkdir()
    st = open_store(data_dir=str(demo_dir))
    plans = demo_plans(TODAY)
    for p in plans:
        st.save(p, today=TODAY)
    w = window(st, demo_dir)
    shoot(w, "02-your-young-people")
    w.caseload.search.setText("ka")
    shoot(w, "03-search")
    w.caseload.search.setText("")

    me = plans[0]
    w.open_plan(me.id)
    from pathway_app.ui.areas import AREAS

    for i, (key, _title) in enumerate(AREAS):
        page = w.plan_view.show_area(key)
        if key == "people" and page.people.model.rowCount():
            page.people.select(page.people.model.record(0))
        if key == "support":
            page.select_area(page.current)
        shoot(w, f"1{i:02d}-area-{key}")
        page.scroll.verticalScrollBar().setValue(page.scroll.verticalScrollBar().maximum())
        shoot(w, f"1{i:02d}-area-{key}-end")
        page.scroll.verticalScrollBar().setValue(0)

    # 3. a validation error beside the field
    page = w.plan_view.show_area("about")
    care = page._lists[0]
    care.add()
    care.form.widget("start").set_text("01/06/2024")
    care.form.widget("start").edited.emit("01/06/2024")
    care.form.widget("end").set_text("01/01/2024")
    care.form.widget("end").edited.emit("01/01/2024")
    w.session.save_now()
    page.scroll.ensureWidgetVisible(care.form.block("end"))
    shoot(w, "04-validation-error")
    w.undo_action.trigger()
    w.undo_action.trigger()
    w.undo_action.trigger()
    w.session.save_now()

    # 4. together mode
    w.together_action.trigger()
    w.together.show_question(1)
    shoot(w, "05-together-mode")
    w.leave_together()
    w.resize(*SIZE)

    # 5. dark mode
    app.setPalette(theme.dark_palette())
    w.show_caseload()
    shoot(w, "06-dark-your-young-people")
    w.open_plan(me.id)
    w.plan_view.show_area("people")
    shoot(w, "07-dark-people")
    w.plan_view.show_area("support")
    shoot(w, "08-dark-support-plan")
    w.together_action.trigger()
    shoot(w, "09-dark-together-mode")
    w.leave_together()
    app.setPalette(light)
    w.close()
    st.close()
    return 0


if __name__ == "__main__":
    sys.exit(main())
