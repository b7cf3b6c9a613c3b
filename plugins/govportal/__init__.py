"""Governance portal: validate YAML policy data and publish notices, guides and registers.

The core (loading, checking, rendering) imports nothing from MkDocs; ``plugin`` is the
thin MkDocs glue and ``cli`` the fast command-line front end that shares the same core.
"""

__version__ = "0.1.0"
