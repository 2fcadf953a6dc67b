"""The names of the datasets a run trains on, as settings, model files and the command line
spell them.

Kept apart from :mod:`desktop_nn.core.train_config` so that the window can list the datasets
without importing NumPy before its first paint; :mod:`desktop_nn.data` loads them and gives
their titles and classes.
"""

from __future__ import annotations

DATASETS = ("mnist", "fashion-mnist")
