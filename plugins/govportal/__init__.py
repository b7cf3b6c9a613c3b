"""Governance portal: validate YAML policy data and publish notices, guides and registers.

The code follows the pipeline, one subpackage a stage, each importing only the stages
below it (an import-linter contract in ``pyproject.toml`` keeps it so)::

    data      read YAML safely, with positions; the typed model; validate; load a folder
    rules     decide which disclosures each notice owes; every governance rule
    pages     render the pages from templates
    changes   the notice lock, the archive, published history, the pull-request summary
    publish   verify the rendered site, exports, the manifest, atomic publishing
    pipeline  settings, check, one build step by step (what the front ends call)

``text`` (safe Markdown, readability) and ``problems`` sit under all of them. ``plugin`` is
the thin MkDocs glue and ``cli`` the command line; nothing else imports MkDocs.
"""

__version__ = "0.1.0"
