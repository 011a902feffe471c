"""One module per `pathway-planner` sub-command (see :mod:`pathway_app.cli`)."""
