"""Render: from a checked policy to the portal's pages, as Markdown with page metadata.

Holds the sandboxed Jinja environment and its filters (:mod:`.environment`), the templates
(``templates/``), one builder module per kind of page (:mod:`.notice`, :mod:`.guide`,
:mod:`.checklists`, :mod:`.registers`, :mod:`.rules_reference`, listed together by
:mod:`.builder`), the navigation (:mod:`.navigation`), the safety of generated paths
(:mod:`.paths`), the task-list Markdown extension (:mod:`.tasklabels`) and the rules in
plain text for ``govportal explain`` (:mod:`.explain`, from the same docstrings as the rules
reference, :mod:`.ruledocs`).

May import: :mod:`govportal.rules`, :mod:`govportal.data`, :mod:`govportal.text`,
:mod:`govportal.problems`, Jinja2, Markdown. Must never import: changes, publish, the
pipeline, the command line, MkDocs.
"""
