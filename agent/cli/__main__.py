"""``python -m agent.cli``: the same as the ``steadyloop`` command."""

import sys

from . import console

sys.exit(console())
