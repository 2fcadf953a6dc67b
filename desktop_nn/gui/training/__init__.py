"""The Training tab: hyperparameters, controls, live curves, progress and a sample preview.

``tab`` lays the tab out and shows what happens; ``controller`` runs one training at a time in
a worker; ``panel`` edits a TrainConfig; ``curves`` draws the loss and accuracy; ``runs`` keeps
the runs on screen; ``progress`` the bar and the speed; ``preview`` a test image and the
network's guess.
"""
