"""The governance rules, one module per family; each module registers its rules on import.

To add a rule, write one generator function in the family it belongs to, decorate it with
:func:`govportal.rules.registry.rule` (a stable id, a severity, the parts of the policy it
reads) and give it a docstring with a passing and a failing example: the rules reference
page is generated from it. A new family is also named in ``registry.FAMILIES``.
"""
