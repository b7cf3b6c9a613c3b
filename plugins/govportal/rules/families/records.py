"""Notice records: the "I have read this notice" link to the HR system."""

from __future__ import annotations

from collections.abc import Iterator

from ...data.acknowledge_url import template_problems
from ..registry import Context, Finding, rule


@rule("organisation.acknowledge-url", needs=("organisation",))
def acknowledge_url(ctx: Context) -> Iterator[Finding]:
    """The `acknowledge_url` template is an `https:` address of the HR system, with its host
    written out, no quotes, spaces or angle brackets, and no placeholder but `{notice_id}`,
    `{version}`, `{language}` and `{notice_hash}` (each filled URL-encoded). Without a
    valid template no notice gets the link.

    Passing:
        acknowledge_url: https://hr.example.com/ack?notice={notice_id}&version={version}&lang={language}&hash={notice_hash}

    Failing:
        acknowledge_url: javascript:alert(document.cookie)
        # also refused: https://hr.example.com/ack?who={employee_email} (a placeholder
        # the portal cannot fill), and any address with a quote, a space or an angle bracket
    """
    template = ctx.policy.organisation.acknowledge_url
    if template is None:
        return
    where = ctx.at(ctx.file_of("organisation"), "acknowledge_url")
    for message, hint in template_problems(template):
        yield Finding(message, where, hint)
