"""The Inside tab: what the hidden layer learned (W1 as pictures) and how it responds.

``tab`` holds the histograms and follows training sparingly; ``tiles`` draws W1 as 28x28
tiles with their colour legend; ``tile_maths`` (no Qt) normalises the tiles and lays out
their grid.
"""
