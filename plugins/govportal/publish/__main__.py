"""``python -m govportal.publish``: build and publish the site atomically (see :mod:`.atomic`)."""

import sys

from .atomic import main

sys.exit(main())
