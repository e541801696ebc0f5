"""A long pull freezes the objects alive before it (``puller._long_lived_frozen``); when
it ends it must not thaw what the till had frozen at its start, or every full collector
pass walks the whole app again, on the GUI thread too."""

import gc

from sync.engine.puller import _long_lived_frozen


def test_a_pull_leaves_the_tills_own_frozen_objects_frozen() -> None:
    gc.unfreeze()
    gc.freeze()  # as pos.app does once the till is ready
    try:
        before = gc.get_freeze_count()
        assert before > 0
        with _long_lived_frozen():
            pass
        assert gc.get_freeze_count() >= before
    finally:
        gc.unfreeze()


def test_a_pull_in_a_process_that_froze_nothing_gives_everything_back() -> None:
    gc.unfreeze()
    with _long_lived_frozen():
        assert gc.get_freeze_count() > 0
    assert gc.get_freeze_count() == 0
