"""The Computation graph tab: step through the forward and backward passes of chapter 5.

``tab`` lays the tab out over a graph of ``desktop_nn.graph``; ``stepping`` holds its stepping
rules; ``scene``, ``items``, ``routes`` and ``view`` draw the graph (``geometry``, without Qt,
clips its lines); ``side_panel``, ``detail``, ``narration`` and ``table`` explain the selected
node and list the gradients; ``controls`` and ``chooser`` are the buttons and the choice of
graph; ``names`` the values' names.
"""
