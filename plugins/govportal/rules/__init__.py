"""Decide and check: what each notice must disclose, and whether the data keeps every rule.

Holds the legal reference data and its models (:mod:`.catalog`), the facts of a notice and
the conditions that switch items on (:mod:`.facts`), the disclosure decisions
(:mod:`.decisions`) and the evidence behind them (:mod:`.evidence`), the rule framework
(:mod:`.registry`: one rule, one function, one stable id), the rule families
(:mod:`.families`), the ids checked by later stages (:mod:`.declared`) and severities.

May import: :mod:`govportal.data`, :mod:`govportal.text`, :mod:`govportal.problems`.
Must never import: pages, changes, publish, the pipeline, the command line, MkDocs.
"""
