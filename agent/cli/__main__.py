"""``python -m agent.cli``: the same as the ``steadyloop`` command."""

import sys

from . import main

sys.exit(main())
