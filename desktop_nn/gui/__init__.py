"""The PySide6 + pyqtgraph window: thin views over :mod:`desktop_nn.core` objects."""
