"""The window's presentation tools: zoom, presentation mode, and every view as a picture.

:class:`~desktop_nn.gui.presentation.view_menu.Presentation` fills the View menu (zoom in, zoom
out, actual size, presentation mode); :class:`~desktop_nn.gui.presentation.pictures.ViewPictures`
adds File → Export view… and Edit → Copy picture. Both work on the tabs through the tab contract
(:mod:`desktop_nn.gui.common.tab_contract`): a tab's ``main_view()`` and ``set_zoom()``.
"""
