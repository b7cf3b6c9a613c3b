"""Read and validate: ``data/`` as typed models, every value with its line and column.

Holds the safe YAML reader (:mod:`.yaml_reader`, positions in :mod:`.positions`), the typed
model split by kind (:mod:`.model`), validation against it (:mod:`.validation`), loading a
whole data folder into a :class:`~.policy.Policy` (:mod:`.loader`), the ids a file declares
even when it does not load (:mod:`.declarations`), the one "did you mean" every stage uses
(:mod:`.suggestions`), the placeholders data text may use (:mod:`.placeholders`) and the
JSON Schemas made from the model (:mod:`.schemas`).

May import: :mod:`govportal.problems`, PyYAML, pydantic. Must never import another stage of
the portal (rules, pages, changes, publish, the pipeline) nor MkDocs.
"""
