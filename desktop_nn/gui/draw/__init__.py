"""The Draw tab: draw a digit (or open a picture) and see what the network makes of it.

``tab`` turns the drawing into the network's 784 inputs and shows its guess; ``canvas`` is
the surface the mouse or a tablet draws on.
"""
