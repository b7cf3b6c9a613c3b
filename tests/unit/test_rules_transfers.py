"""Transfers at their edges: several origins, the UK tools used for the EEA, a UK tool
without its assessment, an origin no jurisdiction declares.

The test edits the rule cases' base folder (``tests/cases/rules/base/``) in a temporary copy
and compares the transfer rules' problems with the lines written out below.
"""

from __future__ import annotations

import datetime as dt
from pathlib import Path

from govportal import pipeline
from govportal.rules import registry
from tests.conftest import CASES, mutated

BASE = CASES / "rules" / "base"
TODAY = dt.date(2026, 11, 22)

MORE_JURISDICTIONS = """\
    supervisory_authority: de-be-blnbdi
  - {id: gb, name: United Kingdom, country: GB, regimes: [uk_gdpr], supervisory_authority: gb-ico}
  - {id: ni, name: Northern Ireland, country: GB, regimes: [uk_gdpr], supervisory_authority: gb-ico}
  - {id: ie, name: Ireland, country: IE, regimes: [eu_gdpr], supervisory_authority: ie-dpc}
"""


def test_uk_and_eea_origins_each_need_their_own_tool(tmp_path: Path) -> None:
    edits = [
        ("organisation.yaml", "    supervisory_authority: de-be-blnbdi\n", MORE_JURISDICTIONS),
        # two UK origins, an EU one and one no jurisdiction declares, under the EU clauses
        ("transfers.yaml", "origin: [de]\n    destination: United States\n    mechanism: scc",
         "origin: [de, gb, xx, ni]\n    destination: United States\n    mechanism: scc"),
        # two EEA origins under a UK tool, with no assessment
        ("transfers.yaml", "origin: [de]\n    destination: Switzerland\n    mechanism: adequacy",
         "origin: [de, ie]\n    destination: Switzerland\n    mechanism: idta"),
        # a UK origin under the UK Addendum, with no assessment
        ("transfers.yaml", "origin: [de]\n    destination: India\n    mechanism: derogation",
         "origin: [gb]\n    destination: India\n    mechanism: uk_addendum"),
    ]
    data = mutated(tmp_path, BASE, edits)
    result = pipeline.check(data, registry.Options(today=TODAY), label_base=tmp_path)
    assert [p.format_text() for p in result.problems if p.rule.startswith("transfer.")] == [
        "data/transfers.yaml:6:16: error [transfer.uk-tool] transfers[0].mechanism: the "
        "transfer 'lms-us' leaves the UK (gb, ni) under the EU standard contractual clauses "
        "alone\n"
        "    hint: use `uk_addendum` (the EU clauses with the UK Addendum) or `idta`; if EU "
        "staff are covered too, record their transfer separately",
        "data/transfers.yaml:14:16: error [transfer.tia-missing] transfers[1].mechanism: the "
        "transfer 'coach-ch' uses standard contractual clauses but records no transfer-impact "
        "assessment\n"
        "    hint: assess the destination's laws and practice, then record the date in "
        "`tia_date`",
        "data/transfers.yaml:14:16: error [transfer.uk-tool] transfers[1].mechanism: the "
        "transfer 'coach-ch' leaves the EEA (de, ie) under a UK tool (idta), which covers UK "
        "transfers only\n"
        "    hint: use `scc` for the EEA origins, in a transfer of their own",
        "data/transfers.yaml:20:16: error [transfer.tia-missing] transfers[2].mechanism: the "
        "transfer 'course-in' uses standard contractual clauses but records no "
        "transfer-impact assessment\n"
        "    hint: assess the destination's laws and practice, then record the date in "
        "`tia_date`",
    ]
