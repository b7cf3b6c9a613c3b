"""The error of reading a git ref for the change control (``govportal check --base``, the
pull-request summary), in a module of its own so that ``govportal check`` can name it
without importing what reads the refs."""

from __future__ import annotations


class SummaryError(Exception):
    """A ref or repository that cannot be read (the message says which)."""
