"""Read ``data/translations/<lang>/<kind>.yaml`` under the data folder's file policy.

Every file is read like the rest of ``data/`` (the same reader, limits and refusals) and
validated against :class:`~.model.translations.TranslationFile`; an unknown language folder
name or kind of file is a located problem. What a translation says is checked by the
``i18n`` rules.
"""

from __future__ import annotations

import re
from pathlib import Path
from typing import Any

from ..problems import Location, Problems
from .model.translations import TranslationFile
from .model.types import LANGUAGE_PATTERN
from .policy import TRANSLATIONS_DIR
from .suggestions import did_you_mean
from .translatable import KINDS

_LANGUAGE = re.compile(LANGUAGE_PATTERN)


def load_translations(data_dir: Path, policy: Any, problems: Problems,
                      load_one: Any, label_of: Any) -> None:
    """Load every translation file into ``policy.translations``; ``load_one`` reads and
    validates one file as the loader does, ``label_of`` names a path as problems do."""
    top = data_dir / TRANSLATIONS_DIR
    if not top.exists() and not top.is_symlink():
        return
    folder = policy.folder
    refused = folder.refusal(top, "folder")
    if refused is not None:
        problems.add(refused.rule, refused.message, Location(label_of(top)), refused.hint)
        return
    if not folder.is_dir(top):
        problems.add("data.unknown-file", "'translations' is not a folder",
                     Location(label_of(top)), "data/translations/ holds one folder a language")
        return
    for lang_dir in folder.listing(top):
        lang = lang_dir.name
        if not folder.is_dir(lang_dir) or not _LANGUAGE.match(lang):
            problems.add("data.unknown-file", f"'{lang}' is not a language folder",
                         Location(label_of(lang_dir)),
                         "data/translations/ holds one folder a language, named by its "
                         "ISO 639-1 code in lower case (de, es, fr)")
            continue
        for path in folder.listing(lang_dir):
            kind = path.stem
            if folder.is_dir(path) or path.suffix != ".yaml" or kind not in KINDS:
                hint = did_you_mean(kind, KINDS) or (
                    "a language folder holds <kind>.yaml files: " + ", ".join(KINDS))
                problems.add("data.unknown-file", f"'{path.name}' is not a translation file",
                             Location(label_of(path)), hint)
                continue
            loaded = load_one(path, label_of(path), TranslationFile, problems, policy)
            if loaded is not None:
                policy.translations.setdefault(lang, {})[kind] = loaded
                policy.translation_files[(lang, kind)] = label_of(path)
