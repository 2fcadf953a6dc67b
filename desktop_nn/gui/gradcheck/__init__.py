"""The Gradient check tab: the book's gradient_check.py with progress, Cancel and an
explanation.

``tab`` holds the settings and runs a check in a worker (``job``: the core's gradient_check
with progress and Cancel); ``results`` shows a check's figures and the checks so far;
``texts`` formats the figures and explains them.
"""
