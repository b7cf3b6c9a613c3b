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
    "notice.not-locked": "Every current notice version is recorded in the lock file.",
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
    "notice.lock-invalid": "The lock file is valid JSON of the expected shape.",
    "notice.archive-missing": "Every locked version's published text is archived.",
    "notice.archive-mismatch": "An archived notice matches the fingerprint in the lock.",
}

# Advisory checks of the short version: each names what it needs to link to.
FIRST_LAYER_LINKS = {
    "advice.first-layer-purposes": "purposes",
    "advice.first-layer-controller": "controller",
    "advice.first-layer-rights": "rights",
}

# Problems found while reading and validating the data, before any rule runs.
LOADING = (
    "data.empty-file", "data.missing-dir", "data.missing-file", "data.symlink",
    "data.too-many-files", "data.unknown-file", "data.unreadable",
    "yaml.alias", "yaml.complex-key", "yaml.control-character", "yaml.duplicate-key",
    "yaml.encoding", "yaml.multiple-documents", "yaml.syntax", "yaml.tab-indent", "yaml.tag",
    "yaml.too-deep", "yaml.too-large",
    "schema.missing", "schema.type", "schema.unknown-key", "schema.value",
    "program.id-matches-file",
)
# The rendered-output gate (govportal.publish.markdown_residue): Markdown left as text on a
# generated page, and on an archived notice version (its text is a record, fixed by a
# recorded correction rather than a template change, so it has an id of its own).
UNRENDERED_MARKDOWN = "output.unrendered-markdown"
UNRENDERED_ARCHIVED = "output.unrendered-markdown-archived"
# The checks of the rendered pages: id -> what it requires (the rules reference lists them).
OUTPUT_CHECKS: dict[str, str] = {
    "disclosure.not-rendered": "Every disclosure a notice owes is visible in its published "
                               "page, in a section marked with the item's id.",
    UNRENDERED_MARKDOWN: "No generated page shows Markdown that did not render: table rows, "
                         "list markers inside a paragraph, `**`, `[[…]]`, `{{` or `{%`.",
    UNRENDERED_ARCHIVED: "The same for each archived notice version (put right by a recorded "
                         "correction of the archive).",
}
# Problems found in the published pages.
OUTPUT = ("disclosure.not-rendered", *FIRST_LAYER_LINKS, UNRENDERED_MARKDOWN,
          UNRENDERED_ARCHIVED)
