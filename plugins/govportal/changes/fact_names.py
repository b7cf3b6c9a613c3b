"""What a difference between two notice versions names, in another language.

The lock records each version's facts (purposes, recipients, transfers, fields, retention)
in the data's language. A "what changed" page in German says them in German where it can
do so truthfully: a purpose, field, transfer, recipient or retention record is named by its
current translation only when the fact as recorded is, word for word, what the data says
now (a version recorded before the text changed keeps the words it was published with);
a period is written with the language's unit names ("2 Jahre").
"""

from __future__ import annotations

from ..data.policy import Policy
from ..pages.environment import reader_period
from ..text.safe_markdown import export_text
from .facts import Names


class TranslatedNames:
    """The names of the facts in ``language``: the tables shared by every notice (fields,
    transfers) are made once; :meth:`names` adds one program's (purposes, recipients,
    retention records)."""

    def __init__(self, source: Policy, translated: Policy, language: str) -> None:
        self.source, self.translated, self.language = source, translated, language
        text = export_text  # as the facts are recorded
        self.shared: dict[str, dict[str, tuple[str, str]]] = {  # kind → id → (now, there)
            "field": {fid: (text(f.label), text(translated.fields_by_id[fid].label))
                      for fid, f in source.fields_by_id.items()
                      if fid in translated.fields_by_id},
            "transfer": {tid: (text(t.destination),
                               text(translated.transfers_by_id[tid].destination))
                         for tid, t in source.transfers_by_id.items()
                         if tid in translated.transfers_by_id},
        }

    def names(self, pid: str) -> Names:
        """The ``names`` for :func:`~govportal.changes.facts.differences` of program ``pid``."""
        text, now = export_text, dict(self.shared)
        program, other = self.source.programs.get(pid), self.translated.programs.get(pid)
        if program is not None and other is not None:
            now["purpose"] = {p.id: (text(p.description), text(q.description))
                              for p, q in zip(program.purposes, other.purposes, strict=True)}
            now["recipient"] = {text(r.name): (text(r.name), text(s.name)) for r, s in
                                zip(program.recipient_list, other.recipient_list, strict=True)}
            rules = {r.id: r for r in self.translated.program_rules(other)}
            now["retention"] = {r.id: (text(r.record_type), text(rules[r.id].record_type))
                                for r in self.source.program_rules(program) if r.id in rules}
        language = self.language

        def name(kind: str, key: str, recorded: str) -> str:
            if kind == "period":
                return reader_period(recorded, language)
            found = now.get(kind, {}).get(key)
            return found[1] if found is not None and found[0] == recorded else recorded

        return name


def names_in(source: Policy, translated: Policy, pid: str, language: str) -> Names:
    """The ``names`` for :func:`~govportal.changes.facts.differences` in ``language``, for
    the notice of program ``pid`` (``translated``: the policy as it reads in ``language``)."""
    return TranslatedNames(source, translated, language).names(pid)
