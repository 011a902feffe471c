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
