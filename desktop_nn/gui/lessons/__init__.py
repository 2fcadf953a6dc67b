"""Lessons in the window: open one (its side panel, its hidden controls), save one, and the
lessons shipped with desktop_nn in the Help menu. The file format is :mod:`desktop_nn.lessons`."""
