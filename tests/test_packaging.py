"""A wheel install works on its own: resources and migrations ship inside the package."""

from __future__ import annotations

import json
import os
import subprocess
import sys
import zipfile
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]


@pytest.fixture(scope="module")
def wheel(tmp_path_factory) -> Path:
    out = tmp_path_factory.mktemp("wheel")
    subprocess.run(
        [sys.executable, "-m", "pip", "wheel", "--no-deps", "--no-build-isolation", "-q", "-w", str(out), str(ROOT)],
        check=True,
        capture_output=True,
        env={**os.environ, "PIP_DISABLE_PIP_VERSION_CHECK": "1"},
    )
    (whl,) = out.glob("pathway_planner-*.whl")
    return whl


def test_wheel_carries_resources_and_migrations(wheel):
    names = set(zipfile.ZipFile(wheel).namelist())
    assert "pathway_app/_resources/vocabularies.json" in names
    assert "pathway_app/_migrations/env.py" in names
    assert any(n.startswith("pathway_app/_migrations/versions/0001") for n in names)
    assert any(n.startswith("pathway_app/_resources/guidance/rules/") for n in names)
    assert any(n.startswith("pathway_app/_resources/fonts/") and n.endswith(".ttf") for n in names)
    entry = [n for n in names if n.endswith("entry_points.txt")]
    assert entry and "pathway-planner = pathway_app.cli:main" in zipfile.ZipFile(wheel).read(entry[0]).decode()


def test_wheel_ships_the_app_and_nothing_only_tests_and_benchmarks_use(wheel):
    names = zipfile.ZipFile(wheel).namelist()
    packages = {n.split("/")[0] for n in names if not n.startswith("pathway_planner-")}
    assert packages == {"pathway_app"}
    assert "pathway_app/cli.py" in names
    # the generator of realistic plans lives in benchmarks/ (tests/builders.py uses it)
    assert not [n for n in names if n.endswith("synthetic.py")]


def test_installed_wheel_runs_without_the_source_tree(wheel, tmp_path):
    site = tmp_path / "site"
    subprocess.run(
        [sys.executable, "-m", "pip", "install", "-q", "--no-deps", "--target", str(site), str(wheel)],
        check=True,
        capture_output=True,
    )
    env = {k: v for k, v in os.environ.items() if k != "PYTHONPATH"}
    env["PYTHONPATH"] = str(site)
    env["PATHWAY_DATA_DIR"] = str(tmp_path / "data")
    run_dir = tmp_path / "elsewhere"
    run_dir.mkdir()
    probe = subprocess.run(
        [sys.executable, "-c", "import pathway_app, pathway_app.paths as p; print(pathway_app.__file__); print(p.resources_dir()); print(p.migrations_dir())"],
        cwd=run_dir, env=env, capture_output=True, text=True, check=True,
    )
    pkg, res, mig = probe.stdout.splitlines()
    assert pkg.startswith(str(site)) and res.startswith(str(site)) and mig.startswith(str(site))
    db = f"sqlite:///{tmp_path / 'w.db'}"
    base = [sys.executable, "-m", "pathway_app", "--db", db]
    extra = ["--unencrypted"] if "--unencrypted" in subprocess.run(base + ["--help"], cwd=run_dir, env=env, capture_output=True, text=True).stdout else []
    subprocess.run(base + extra + ["demo"], cwd=run_dir, env=env, check=True, capture_output=True, text=True)
    listed = subprocess.run(base + ["list", "--json"], cwd=run_dir, env=env, check=True, capture_output=True, text=True)
    rows = json.loads(listed.stdout)
    assert len(rows) >= 6 and all({"id", "name", "date_of_birth", "category", "next_due"} <= set(r) for r in rows)
    prompts = subprocess.run(base + ["prompts", rows[0]["id"], "--json"], cwd=run_dir, env=env, check=True, capture_output=True, text=True)
    assert isinstance(json.loads(prompts.stdout), list)
