"""The Evaluate tab: the current model on the test set, beyond accuracy.

``tab`` scores the model and reacts to the window's state; ``confusion`` draws the confusion
matrix; ``metrics`` is the per-class table; ``mistakes`` the gallery of misclassified images
and the selected one's probabilities; ``texts`` the captions and hints they share.
"""
