"""`pathway-planner pdf`: from a saved plan to a file, with errors on stderr."""

from __future__ import annotations

import io

import pytest

from pathway_app import cli

from pdfcheck import pdf_text


@pytest.fixture()
def saved(tmp_path, plans):
    from pathway_app.store import open_store

    data = tmp_path / "data"
    store = open_store(data_dir=str(data), create_unencrypted=True)
    plan = plans.rich_plan()
    plan.version = 0  # never saved
    store.save(plan, plans.TODAY)
    store.close()
    return data, plan


def run(argv):
    out, err = io.StringIO(), io.StringIO()
    parser, table = cli.build_parser()
    args = parser.parse_args(argv)
    ctx = cli.Context(args, stdout=out, stderr=err)
    try:
        code = int(table[args.command].run(args, ctx) or 0)
    except cli.CliError as exc:
        ctx.error(str(exc))
        code = exc.code
    except Exception as exc:
        from pathway_app.errors import UserFacingError

        if not isinstance(exc, UserFacingError):
            raise
        ctx.error(str(exc))
        code = 1
    finally:
        ctx.close()
    return code, out.getvalue(), err.getvalue()


@pytest.mark.parametrize("edition", ["full", "young-person", "staying-put", "staying-close"])
def test_writes_each_edition_from_a_prefix(saved, tmp_path, edition):
    data, plan = saved
    out = tmp_path / f"{edition}.pdf"
    code, stdout, stderr = run(["pdf", plan.id[:6], "--data-dir", str(data), "--edition", edition, "--out", str(out), "--today", "2026-11-23"])
    assert code == 0, stderr
    assert stdout.strip() == str(out)
    assert "Produced 23 November 2026" in pdf_text(out)


def test_unknown_id_is_an_error_on_stderr(saved, tmp_path):
    data, _plan = saved
    code, stdout, stderr = run(["pdf", "zzzzzz", "--data-dir", str(data), "--out", str(tmp_path / "x.pdf")])
    assert code != 0 and not stdout and "zzzzzz" in stderr
    assert not (tmp_path / "x.pdf").exists()


def test_a_missing_folder_is_an_error(saved, tmp_path):
    data, plan = saved
    code, _out, stderr = run(["pdf", plan.id, "--data-dir", str(data), "--out", str(tmp_path / "nope" / "x.pdf")])
    assert code == 1 and "does not exist" in stderr


def test_bad_edition_is_refused_by_the_parser(saved, tmp_path):
    data, plan = saved
    with pytest.raises(SystemExit) as exc:
        run(["pdf", plan.id, "--data-dir", str(data), "--edition", "summary", "--out", str(tmp_path / "x.pdf")])
    assert exc.value.code == 2


@pytest.fixture()
def tom(tmp_path, plans):
    """Tom Whitfield (demo): a Living Together Agreement in version 2, version 1 replaced."""
    from pathway_app.demo import demo_plans
    from pathway_app.store import open_store

    data = tmp_path / "tom"
    store = open_store(data_dir=str(data), create_unencrypted=True)
    plan = next(p for p in demo_plans(plans.TODAY) if p.person.family_name == "Whitfield")
    store.save(plan, plans.TODAY)
    store.close()
    return data, plan


def test_an_older_version_of_an_agreement_can_be_printed(tom, tmp_path):
    data, plan = tom
    base = ["pdf", plan.id, "--data-dir", str(data), "--edition", "staying-put", "--today", "2026-11-23"]
    code, _out, stderr = run([*base, "--out", str(tmp_path / "now.pdf")])
    assert code == 0, stderr
    assert "Replaced — kept as a record" not in pdf_text(tmp_path / "now.pdf")
    code, _out, stderr = run([*base, "--agreement-version", "1", "--out", str(tmp_path / "v1.pdf")])
    assert code == 0, stderr
    old = pdf_text(tmp_path / "v1.pdf")
    assert "Replaced — kept as a record" in old and "£30 a week board" in old


def test_an_agreement_version_that_does_not_exist_is_named(tom, tmp_path):
    data, plan = tom
    out = tmp_path / "v7.pdf"
    code, _out, stderr = run(["pdf", plan.id, "--data-dir", str(data), "--edition", "staying-put",
                              "--agreement-version", "7", "--out", str(out)])
    assert code == 2 and "has no version 7 (versions: 1, 2)" in stderr and not out.exists()
    code, _out, stderr = run(["pdf", plan.id, "--data-dir", str(data), "--agreement-version", "1", "--out", str(out)])
    assert code == 2 and "goes with --edition staying-put or staying-close" in stderr and not out.exists()
