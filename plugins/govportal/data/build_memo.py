"""What a build, and a live preview, remember of the policy as translated.

Within a build (:func:`once_per_build`) each policy is translated into each language, and
its translatable texts gathered, once; a live preview also keeps each record's texts and
translations from one rebuild to the next (:class:`TranslationMemo`). The functions of
:mod:`.translatable` consult both; outside a build every call works afresh.
"""

from __future__ import annotations

import dataclasses
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from contextvars import ContextVar
from dataclasses import dataclass
from typing import Any

from .policy import Policy
from .positions import Path as YPath

_BUILD: ContextVar[dict[int, tuple[Policy, dict[Any, Any]]] | None] = ContextVar(
    "_BUILD", default=None)


@dataclass
class TranslationMemo:
    """A live preview's texts and translations of each record, from its earlier builds.

    Under ``mkdocs serve --dirty`` a data file whose bytes did not change keeps its
    validated records, the very same objects (:mod:`.load_memo`). A record's translatable
    texts depend on nothing but the record, and the record as translated into a language
    on nothing but the record, its translated texts and the keys it may translate: both
    are taken from here while those are the same (the record compared by identity, the
    texts and keys by value), so a translator's edit to one program's text translates that
    program again, not every record of the data."""

    texts: dict[tuple[str, str, str, YPath], tuple[Any, tuple[Any, ...]]] = \
        dataclasses.field(default_factory=dict)
    translated: dict[tuple[str, str, str], tuple[Any, dict[str, str], frozenset[str], Any]] = \
        dataclasses.field(default_factory=dict)
    made: int = 0
    reused: int = 0


_KEPT: ContextVar[TranslationMemo | None] = ContextVar("_KEPT", default=None)


@contextmanager
def once_per_build(memo: dict[int, Any] | None = None,
                   kept: TranslationMemo | None = None) -> Iterator[None]:
    """While a build checks its data and renders its pages, each policy is translated into
    each language, and its translatable texts are gathered, once: the rules, the pages in
    another language, the notices' history, the change control and the registers all ask,
    and the data does not change while they do. Outside, every call works afresh (a policy
    changed in place is seen).

    Inside another such scope, the outer one's memo is used. ``memo``: the scope's memo
    (an empty dict to begin with), for a build whose steps run one after another in
    separate calls (check, then pages): each step enters a scope with the same dict.
    ``kept``: a live preview's records from its earlier builds (:class:`TranslationMemo`;
    inside, an outer scope's)."""
    outer = _BUILD.get()
    token = _BUILD.set(memo if memo is not None else outer if outer is not None else {})
    kept_token = _KEPT.set(kept if kept is not None else _KEPT.get())
    try:
        yield
    finally:
        _KEPT.reset(kept_token)
        _BUILD.reset(token)


def kept_records() -> TranslationMemo | None:
    """The live preview's records from its earlier builds, inside a scope given them."""
    return _KEPT.get()


def once(policy: Policy, what: Any, make: Callable[[], Any]) -> Any:
    """``make()`` for ``policy`` and ``what``, once within a build (every time outside)."""
    memo = _BUILD.get()
    if memo is None:
        return make()
    slot = memo.get(id(policy))
    if slot is None or slot[0] is not policy:
        slot = memo[id(policy)] = (policy, {})
    if what not in slot[1]:
        slot[1][what] = make()
    return slot[1][what]
