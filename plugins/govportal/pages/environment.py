"""The Jinja environment that turns policy data into Markdown pages.

Templates ship in ``govportal/pages/templates``; a folder named by the ``templates_dir`` option
is searched first, so an organisation can override any page without forking the plugin.
Data is only ever passed to templates as values: no text from ``data/`` is evaluated as a
template, and every data text goes through the sanitising filters of
:mod:`govportal.text.safe_markdown`. A value printed without such a filter is escaped on the way out
(``finalize``): only the filters' output, marked :class:`~markupsafe.Markup`, is printed as
it is, so a template that forgets a filter still publishes text, never markup.
"""

from __future__ import annotations

import contextlib
import datetime as dt
import functools
import hashlib
import os
import re
from pathlib import Path
from typing import Any

import babel.core
import babel.dates
import jinja2
import jinja2.bccache
import jinja2.sandbox
from babel.lists import format_list
from babel.units import format_unit
from markupsafe import Markup

from ..text.portal_catalogs import translations
from ..text.safe_markdown import code_text, escape_text, markdown_block, markdown_inline, plain


@functools.cache
def babel_locale(language: str) -> babel.core.Locale:
    """Babel's locale for a page language (``en``, ``de``, ``pt-BR``); English when Babel
    does not know it."""
    try:
        return babel.core.Locale.parse(language.replace("-", "_"))
    except (ValueError, babel.core.UnknownLocaleError):
        return babel.core.Locale.parse("en")


def reader_date(value: dt.date | str | None, language: str = "en") -> str:
    """The one date format readers see: the long date of the page's language
    (``1 December 2026`` in British English, ``December 1, 2026`` in English)."""
    if value is None or value == "":
        return ""
    if isinstance(value, str):
        value = dt.date.fromisoformat(value)
    return babel.dates.format_date(value, format="long", locale=babel_locale(language))


def reader_list(items: Any, language: str = "en", style: str = "standard") -> Markup:
    """Items joined as the page's language joins them ("a, b or c"; "a, b oder c"). The
    portal writes British English, so English lists take no comma before the last item.
    The items are printed as they are (filter output or the portal's wording)."""
    code = "en_GB" if babel_locale(language).language == "en" else babel_locale(language)
    return Markup(format_list([str(i) for i in items], style=style, locale=code))


_PERIOD = re.compile(r"^([0-9]+) (day|week|month|year)s?$")


def reader_period(value: Any, language: str = "en") -> str:
    """A retention period ("90 days", as the data writes it) in the page's language, with
    Babel's unit names ("90 Tage"); English keeps the data's own words."""
    text = str(value)
    found = _PERIOD.match(text)
    if found is None or babel_locale(language).language == "en":
        return text
    return format_unit(int(found.group(1)), f"duration-{found.group(2)}", length="long",
                       locale=babel_locale(language))


def reader_time(value: dt.date | None, language: str = "en") -> Markup:
    """A date as a ``<time>`` element: the reader's format, the ISO date for machines."""
    if value is None:
        return Markup("")
    return Markup('<time datetime="{}">{}</time>').format(value.isoformat(),
                                                         reader_date(value, language))


def _label(value: Any) -> str:
    text = getattr(value, "value", value)
    return str(text).replace("_", " ")


def _cell(text: Any) -> Markup:
    """Inline HTML safe inside a Markdown table cell."""
    return Markup(markdown_inline(str(text) if text is not None else "").replace("|", "&#124;"))


def _md(text: Any) -> Markup:
    return Markup(markdown_block(text))


def _inline(text: Any) -> Markup:
    return Markup(markdown_inline(text))


def _code(text: Any) -> Markup:
    return Markup(code_text(str(text) if text is not None else ""))


def _finalize(value: Any) -> Any:
    """Every printed value: filter output as it is, any other text escaped."""
    if isinstance(value, Markup) or not isinstance(value, str):
        return value
    return escape_text(value)


def _attr(text: Any) -> str:
    return Markup(str(jinja2.filters.do_forceescape(plain(str(text)))).replace("|", "&#124;"))


# Types whose values are never a bound method (the sandbox wraps ``str.format`` methods).
_PLAIN = frozenset({str, Markup, int, float, bool, type(None), list, tuple, dict, set,
                    frozenset, dt.date, dt.datetime})


class _Sandbox(jinja2.sandbox.ImmutableSandboxedEnvironment):
    """Jinja's immutable sandbox, remembering its verdict per (type, attribute name).

    The sandbox decides whether an attribute may be read from the object's type and the
    attribute's name alone; deciding again on every access was a third of the time spent
    rendering a notice. The verdicts are the sandbox's own."""

    def __init__(self, **options: Any) -> None:
        super().__init__(**options)
        self._verdicts: dict[tuple[type, str], bool] = {}

    def is_safe_attribute(self, obj: Any, attr: str, value: Any) -> bool:
        key = (type(obj), attr)
        verdict = self._verdicts.get(key)
        if verdict is None:
            verdict = self._verdicts[key] = super().is_safe_attribute(obj, attr, value)
        return verdict

    def getattr(self, obj: Any, attribute: str) -> Any:
        """Jinja's sandboxed attribute access, in the order Jinja takes its steps; a value
        of a plain data type (the data's texts, numbers, lists, dates) is no method, so
        the check for a ``str.format`` method to wrap is left out for it."""
        try:
            value = getattr(obj, attribute)
        except AttributeError:
            return super().getattr(obj, attribute)
        if type(value) not in _PLAIN:
            fmt = self.wrap_str_format(value)
            if fmt is not None:
                return fmt
        if self.is_safe_attribute(obj, attribute, value):
            return value
        return self.unsafe_undefined(obj, attribute)


# What the compiled code depends on besides a template's source (Jinja checks that): the
# environment's options below and Jinja's version. Part of every cache file's name, so that
# no other Jinja application's files are ever loaded, nor ours compiled with other options.
_OPTIONS = "autoescape=0 strict trim_blocks lstrip_blocks keep_newline finalize sandbox"
_FLAVOUR = hashlib.sha256(f"{_OPTIONS} {jinja2.__version__}".encode()).hexdigest()[:12]
CACHE_SETTING = "GOVPORTAL_TEMPLATE_CACHE"  # "off": compile in memory only


class _CompiledTemplates(jinja2.BytecodeCache):
    """Compiled templates, kept in memory for the life of the process and on disk between
    processes.

    ``mkdocs serve`` builds a fresh environment for every rebuild, and every ``mkdocs
    build`` or ``govportal check`` is a fresh process; compiling the templates again was a
    third of the time spent on pages. The disk copy is Jinja's own
    :class:`~jinja2.FileSystemBytecodeCache` in its default folder (private to the user:
    Jinja refuses a folder anyone else could write to). Jinja checks each entry against a
    checksum of the template's source and its own format, so an edited template is
    compiled afresh. Without a usable folder (or with ``GOVPORTAL_TEMPLATE_CACHE=off``)
    templates are compiled once per process."""

    def __init__(self) -> None:
        self._store: dict[str, bytes] = {}
        self._disk: jinja2.FileSystemBytecodeCache | None | bool = False  # False: not yet

    def _folder(self) -> jinja2.FileSystemBytecodeCache | None:
        if self._disk is False:
            self._disk = None
            if os.environ.get(CACHE_SETTING, "").lower() != "off":
                try:
                    self._disk = jinja2.FileSystemBytecodeCache(
                        pattern=f"govportal-{_FLAVOUR}-%s.cache")
                except (OSError, RuntimeError):  # no folder, or one others may write to
                    self._disk = None
        return self._disk or None

    def load_bytecode(self, bucket: jinja2.bccache.Bucket) -> None:
        data = self._store.get(bucket.key)
        if data is not None:
            bucket.bytecode_from_string(data)
            return
        disk = self._folder()
        if disk is None:
            return
        try:
            disk.load_bytecode(bucket)
        except Exception:  # noqa: BLE001 - a damaged file (pickle, marshal): compile afresh
            bucket.reset()
        if bucket.code is not None:
            self._store[bucket.key] = bucket.bytecode_to_string()

    def dump_bytecode(self, bucket: jinja2.bccache.Bucket) -> None:
        self._store[bucket.key] = bucket.bytecode_to_string()
        disk = self._folder()
        if disk is not None:
            with contextlib.suppress(OSError):  # the copy on disk only saves time
                disk.dump_bytecode(bucket)


_COMPILED = _CompiledTemplates()


def _gettext(lookup: Any) -> Any:
    """Newstyle gettext over ``lookup``: the text in the catalog's words, marked safe (the
    package's own wording) and always treated as a format string, as Jinja's is."""

    def gettext(text: str, /, **variables: Any) -> Markup:
        found = Markup(lookup(text))
        if not variables and "%" not in found:
            return found  # what formatting it with nothing would give
        return found % variables

    return gettext


def environment(user_dir: Path | None = None, language: str = "en") -> jinja2.Environment:
    """A sandboxed environment: package templates, overridden by ``user_dir`` when given;
    the ``date`` filter writes dates in ``language``, ``_()`` and ``{% trans %}`` the
    portal's wording from that language's catalog (:mod:`govportal.text.portal_catalogs`:
    the package's own files, so printed as written, like the templates themselves)."""
    loaders: list[jinja2.BaseLoader] = []
    if user_dir is not None:
        loaders.append(jinja2.FileSystemLoader(str(user_dir)))
    loaders.append(jinja2.PackageLoader(__package__, "templates"))
    env = _Sandbox(
        loader=jinja2.ChoiceLoader(loaders),
        auto_reload=False,  # one environment per build: templates cannot change during it
        bytecode_cache=_COMPILED,
        autoescape=False,
        undefined=jinja2.StrictUndefined,
        keep_trailing_newline=True,
        trim_blocks=True,
        lstrip_blocks=True,
        finalize=_finalize,
        extensions=["jinja2.ext.i18n"],
    )
    catalog = translations(language)
    env.install_gettext_callables(  # type: ignore[attr-defined]
        gettext=lambda text: Markup(catalog.gettext(text)),
        ngettext=lambda one, many, n: Markup(catalog.ngettext(one, many, n)),
        pgettext=lambda ctx, text: Markup(catalog.pgettext(ctx, text)),
        npgettext=lambda ctx, one, many, n: Markup(catalog.npgettext(ctx, one, many, n)),
        newstyle=True)
    # `_()` and `{% trans %}` call the portal's wording at once: what Jinja's newstyle
    # gettext does (the catalog's text, formatted with the call's variables, always),
    # without its two indirections through the template context for each of the some
    # seventy calls a notice makes
    gettext = _gettext(catalog.gettext)
    env.globals.update(_=gettext, gettext=gettext)
    env.filters.update(
        md=_md, inline=_inline, cell=_cell, plain=plain, attr=_attr, code=_code,
        date=lambda value: reader_date(value, language), label=_label,
        time=lambda value: reader_time(value, language),
        listing=lambda items, style="standard": reader_list(items, language, style),
        text=lambda value: Markup(escape_text(str(value))),
        period=lambda value: Markup(escape_text(reader_period(value, language))),
    )
    return env

