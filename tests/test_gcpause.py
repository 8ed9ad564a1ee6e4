"""The garbage-collector pause of the batch phases (gcpause.py)."""

import gc

import pytest

from deathtoll.gcpause import gc_paused


def test_pause_switches_the_collector_off_and_back_on():
    assert gc.isenabled()
    with gc_paused():
        assert not gc.isenabled()
        with gc_paused():  # nested: the inner block must not switch it back on
            assert not gc.isenabled()
        assert not gc.isenabled()
    assert gc.isenabled()


def test_pause_restores_the_collector_after_an_error():
    with pytest.raises(ValueError):
        with gc_paused():
            raise ValueError("boom")
    assert gc.isenabled()


def test_pause_leaves_a_collector_that_was_off_off():
    gc.disable()
    try:
        with gc_paused():
            pass
        assert not gc.isenabled()
    finally:
        gc.enable()


def test_a_ledger_run_leaves_the_collector_on(tmp_path):
    import deathtoll

    (tmp_path / "r.txt").write_text("Shooting in Gary\nTwo men were shot dead in Gary, Indiana, on Monday night, police said.\n")
    with deathtoll.open(tmp_path / "l.db") as lg:
        lg.ingest([tmp_path / "r.txt"])
        summary = lg.run()
        assert summary.events == 1
        assert gc.isenabled()
        assert [e.fatalities.best for e in lg.events()] == [2]
