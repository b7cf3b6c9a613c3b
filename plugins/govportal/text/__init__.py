"""Text as readers get it: data Markdown made safe HTML, plain text, readability.

Holds the sanitising Markdown conversion (:mod:`.safe_markdown`) every data text goes through on
its way to a page, the budget that keeps every conversion linear (:mod:`.conversion_budget`),
the allow-list that archived notices are held to (:mod:`.archived_markup`), and the
plain-language measures (:mod:`.readability`), and the portal's own wording in each language
(:mod:`.portal_catalogs`, gettext catalogs read with Babel).

May import: the standard library, Markdown (and the pymdownx extensions the site uses), nh3
and Babel. Must never import another stage of the portal (data, rules, pages, changes, publish)
nor MkDocs: every stage relies on it.
"""
