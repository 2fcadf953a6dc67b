"""desktop_nn: a desktop lab for chapters 4 and 5 of *Deep Learning from Scratch*.

The NumPy engine lives in :mod:`desktop_nn.core` and :mod:`desktop_nn.data` (no Qt there);
the PySide6 views in :mod:`desktop_nn.gui`; the command line in :mod:`desktop_nn.cli`.
"""

__version__ = "0.1.0"
