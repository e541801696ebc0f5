"""The receipt printer and its cash drawer: ESC/POS rendering, connections, results, fakes.

Nothing here imports python-escpos at module level: it costs ~0.5 s and calls
``logging.basicConfig()``, so it is imported only when a printer is actually opened.
"""
