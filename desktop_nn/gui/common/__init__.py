"""What several of the window's features share: colours, plots' style, small widgets, message
boxes, durations, command keys, exports of pictures, class names, and the shared state.

A module here imports Qt, the core, the data and the graph packages, and nothing of the
features (``training``, ``graph``, ``gradcheck``, ``evaluate``, ``inside``, ``draw``).
"""
