"""``python -m desktop_nn``: the same entry point as the ``desktop-nn`` command."""

import sys

from desktop_nn.cli import main

sys.exit(main())
