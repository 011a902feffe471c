"""One module per `pathway-planner` sub-command (see :mod:`pathway_app.cli`)."""

from __future__ import annotations

from pathlib import Path

from ..errors import CliError
from ..fileio import output_path


def output_place(given: str | Path, example: str) -> Path:
    """The file a command will write ``given`` as, checked before anything is read or drawn: a
    folder (``example`` is the file name suggested in it), a folder that does not exist, or a
    device, FIFO or socket (:class:`~pathway_app.fileio.OutputRefused`) is refused with a plain
    message."""
    out = Path(given)
    if out.is_dir():
        raise CliError(f"{out} is a folder; give a file name such as {out / example}", code=1)
    if not out.parent.is_dir():
        raise CliError(f"the folder {out.parent} does not exist", code=1)
    output_path(out)
    return out
