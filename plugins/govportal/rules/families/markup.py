"""Rules about markup in data text: what would not be published is refused, not dropped."""

from __future__ import annotations

from collections.abc import Iterator

from ...text.conversion_budget import over_budget
from ...text.safe_markdown import removed_markup
from ..registry import Context, Finding, rule


@rule("content.unsafe-markup", translations=True)
def unsafe_markup(ctx: Context) -> Iterator[Finding]:
    """Data text is Markdown without raw HTML the portal would remove.

    The sanitiser removes scripts, event handlers, images, `javascript:` links and any other
    raw HTML before publishing, whatever this rule says; the rule makes the removal visible,
    so a reviewer sees hostile or broken text and the author learns why it vanished.
    Passing: `summary: Read the [full policy](https://example.com/privacy).`
    Failing: `summary: <img src=x onerror=alert(1)>` or `[click](javascript:alert(1))`.
    """
    for label, path, text in ctx.data_texts:
        found = removed_markup(text)
        if found:
            yield Finding(
                f"the text contains {found}, which is never published",
                ctx.at(label, *path),
                "write plain Markdown: raw HTML, scripts, event handlers, images and "
                "links other than https:, http: and mailto: are removed from every page")


@rule("content.too-complex", translations=True)
def too_complex(ctx: Context) -> Iterator[Finding]:
    """Data text converts to a page in time that grows with its length, not faster.

    A text whose shape would make the Markdown conversion slow or recurse without end
    (thousands of `[` or `<` in one paragraph, hundreds of lines without a blank line,
    lists nested more than eight deep) is refused here and never converted: the build
    would otherwise stall on it.
    Passing: `summary: See [the policy](https://example.com) and [the FAQ](/faq/).`
    Failing: a list item holding 20,000 `[`, or `1. 1. 1. 1. 1. 1. 1. 1. 1. text`.
    """
    for label, path, text in ctx.data_texts:
        found = over_budget(text)
        if found:
            yield Finding(
                f"the text is too costly to publish: {found}",
                ctx.at(label, *path),
                "split it into shorter texts, put blank lines between its paragraphs, "
                "or write brackets and angle brackets only where they make a link")
