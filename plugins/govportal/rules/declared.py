"""Rule ids reported outside the rule functions, declared here so every stage agrees on them.

Reading and validating the data (:mod:`govportal.data`), the notice change control
(:mod:`govportal.changes`) and the checks of the published pages (:mod:`govportal.publish`)
report problems under these ids; the rules reference page lists them and a ``severities:``
setting may name them.
"""

from __future__ import annotations

# The notice change control (govportal.changes): id → what it asks (the rules reference
# lists them too).
CHANGE_CONTROL: dict[str, str] = {
    "notice.version-not-bumped": "A published notice's text changes only with a new version.",
    "notice.not-locked": "Every current notice version is recorded in the lock file, in "
                         "every language it is published in.",
    "notice.translation-changed": "A published notice's text in another language changes "
                                  "only with a new version.",
    "notice.version-order": "Notice versions only go up.",
    "notice.effective-order": "A new notice version takes effect no earlier than the one "
                              "before it.",
    "notice.effective-changed": "A locked version keeps the effective date it was locked "
                                "with.",
    "notice.changelog-missing": "Every notice version has a changelog entry.",
    "notice.changelog-duplicate": "Each version has one changelog entry.",
    "notice.material-not-marked": "A material change (new purpose, recipient, transfer or "
                                  "kind of information, or a longer retention period) is "
                                  "marked `material: true` in the changelog.",
    "notice.lock-invalid": "The lock file is valid JSON of the expected shape, within its "
                           "size and nesting limits, with no key twice.",
    "notice.lock-outdated": "The lock file is in the current format (`govportal lock` "
                            "upgrades it).",
    "notice.lock-tampered": "Every lock entry matches its hash chain (only `govportal lock` "
                            "writes the lock).",
    "notice.lock-unknown-program": "Every notice in the lock file is a program of the data "
                                   "or is marked retired.",
    "notice.archive-missing": "Every locked version's published text is archived.",
    "notice.archive-unreadable": "An archived text is a UTF-8 file inside the archive, "
                                 "within its size limit.",
    "notice.archive-mismatch": "An archived notice matches the fingerprints in the lock.",
    "notice.archive-too-complex": "An archived notice converts in time linear in its length.",
    "notice.archive-unsafe-markup": "An archived notice holds only the markup the portal's "
                                    "notice templates write.",
    "notice.history-removed": "With `--base`: no published version or notice is removed.",
    "notice.history-changed": "With `--base`: a published version changes only by a recorded "
                              "correction, and never its date or facts.",
    "notice.history-inserted": "With `--base`: a new version comes after the newest "
                               "published one.",
}

# The project's own files that follow from the data, checked by `govportal check` (not by
# the build): id → what it asks.
PROJECT_FILES: dict[str, str] = {
    "governance.codeowners-stale": "With `governance.approvals` in the data, "
                                   "`.github/CODEOWNERS` is there and is exactly what "
                                   "`govportal codeowners` writes from it.",
}

# Advisory checks of the short version: each names what it needs to link to.
FIRST_LAYER_LINKS = {
    "advice.first-layer-purposes": "purposes",
    "advice.first-layer-controller": "controller",
    "advice.first-layer-rights": "rights",
}

# Problems found while reading and validating the data, before any rule runs: id → what it
# asks (`govportal explain` prints it).
LOADING: dict[str, str] = {
    "data.empty-file": "A data file holds its records: an empty file says nothing.",
    "data.missing-dir": "The data folder exists.",
    "data.missing-file": "Every required data file is there (`transfers.yaml` and "
                         "`requirements.yaml` may be left out).",
    "data.not-a-file": "A data file is a regular file: never a pipe, a device or a socket.",
    "data.placeholder": "Nothing is left to fill in: every `TODO` that `govportal new` wrote "
                        "is replaced by the real value (the file is not used until then).",
    "data.symlink": "A data file is the file itself, not a link to something outside the "
                    "data folder.",
    "data.too-many-files": "`programs/` holds at most 5,000 files.",
    "data.unknown-file": "`data/` holds only the data files the portal reads (a misspelt file "
                         "name would otherwise be ignored).",
    "data.unreadable": "Every data file can be read.",
    "yaml.alias": "No YAML anchors or aliases (`&`, `*`): write values out, or refer to ids.",
    "yaml.complex-key": "Every key of a mapping is plain text.",
    "yaml.control-character": "Text holds no invisible control or bidirectional characters.",
    "yaml.duplicate-key": "Each key appears once in its mapping (YAML would keep only the "
                          "last one).",
    "yaml.encoding": "Files are UTF-8 text without a byte-order mark.",
    "yaml.multiple-documents": "A file holds one YAML document (no second `---`).",
    "yaml.syntax": "The file is valid YAML: indentation, colons and quotes.",
    "yaml.tab-indent": "Indentation uses spaces, never tabs.",
    "yaml.tag": "No YAML tags (`!!python/…`, `!include`, `!!binary`): only plain values.",
    "yaml.too-deep": "Values are nested at most 40 levels deep.",
    "yaml.too-large": "A data file is at most 2 MiB.",
    "schema.missing": "Every required key is there (the file's JSON Schema in `schemas/` lists "
                      "them).",
    "schema.type": "Each value has the type its key expects: text, a whole number, true or "
                   "false, a date, a list or a mapping.",
    "schema.unknown-key": "Every key is one the data model knows: a misspelt key would "
                          "otherwise be ignored.",
    "schema.value": "Each value is one the key allows: one of its listed choices, a valid "
                    "id, date, period, version, e-mail or web address.",
    "program.id-matches-file": "A program's id is its file's name: `programs/<id>.yaml`.",
    "config.templates-dir": "The `templates_dir` option of `mkdocs.yml` names a folder that "
                            "exists.",
}
# The rendered-output gate (govportal.publish.markdown_residue): Markdown left as text on a
# generated page, and on an archived notice version (its text is a record, fixed by a
# recorded correction rather than a template change, so it has an id of its own).
UNRENDERED_MARKDOWN = "output.unrendered-markdown"
UNRENDERED_ARCHIVED = "output.unrendered-markdown-archived"
# Problems found in the published pages: id → what it asks.
OUTPUT: dict[str, str] = {
    "disclosure.not-rendered": "Every disclosure a notice owes is visible in its published "
                               "HTML, in the section marked with the item's id (a template "
                               "override or theme change must not drop one).",
    **{advice: f"The short version of every notice links to its `#{anchor}` section."
       for advice, anchor in FIRST_LAYER_LINKS.items()},
    UNRENDERED_MARKDOWN: "No generated page shows Markdown that did not render: table rows, "
                         "list markers inside a paragraph, `**`, `[[…]]`, `{{` or `{%`.",
    UNRENDERED_ARCHIVED: "The same for each archived notice version (put right by a recorded "
                         "correction of the archive).",
}
