"""Verify and publish: the checks of the rendered site, the machine-readable files, the
manifest, and the atomic swap into place.

Holds the disclosure gate over each notice's final HTML (:mod:`.gate`), the rendered-output
gate that finds Markdown left as text on any generated page (:mod:`.markdown_residue`), the
public edition's
scan for internal-only text (:mod:`.edition_scan`), the exports (:mod:`.exports`), the build
manifest (:mod:`.manifest`) and the atomic publisher (:mod:`.atomic`, also
``python -m govportal.publish``).

May import: :mod:`govportal.changes`, :mod:`govportal.pages`, :mod:`govportal.rules`,
:mod:`govportal.data`, :mod:`govportal.text`, :mod:`govportal.problems`. Must never import:
the pipeline, the command line, MkDocs (the atomic publisher runs the generator as a
separate process).
"""
