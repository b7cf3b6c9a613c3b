"""Change control: what was published, what changed since, and what readers will see change.

Holds the fingerprint of a notice's wording (:mod:`.fingerprint`), the material facts of a
notice and the differences between versions (:mod:`.facts`), the lock file (:mod:`.lock`)
and the archive of published texts (:mod:`.archive`), the checks of the notices against
them and the locking itself (:mod:`.control`), the published history pages
(:mod:`.history`), the pull-request summary (:mod:`.prsummary`) and its one sticky comment
on the pull request (:mod:`.prcomment`, GitHub's REST API through the standard library).

May import: :mod:`govportal.pages`, :mod:`govportal.rules`, :mod:`govportal.data`,
:mod:`govportal.text`, :mod:`govportal.problems`. Must never import: publish, the pipeline,
the command line, MkDocs.
"""
