"""Undo and redo on the journey board walk the maps back and forth, at most LIMIT back."""

from __future__ import annotations

from audit.ui.board.history import History


def test_undo_and_redo_walk_the_maps_and_a_new_edit_forgets_what_was_undone():
    history = History()
    history.record(("a", "x.yaml"))  # a -> b
    history.record(("b", "x.yaml"))  # b -> c
    assert history.target("undo") == ("b", "x.yaml")
    history.went("undo", ("c", "x.yaml"))  # c -> b
    assert (history.target("undo"), history.target("redo")) == (("a", "x.yaml"), ("c", "x.yaml"))
    history.went("redo", ("b", "x.yaml"))  # b -> c
    assert (history.back, history.forward) == ([("a", "x.yaml"), ("b", "x.yaml")], [])
    history.went("undo", ("c", "x.yaml"))
    history.record(("b", "x.yaml"))  # b -> d: c can no longer be redone
    assert history.target("redo") is None
    assert history.back == [("a", "x.yaml"), ("b", "x.yaml")]


def test_only_the_last_maps_are_kept():
    history = History(limit=2)
    for text in "abc":
        history.record((text, "x.yaml"))
    assert history.back == [("b", "x.yaml"), ("c", "x.yaml")]
    assert History().target("undo") is None
