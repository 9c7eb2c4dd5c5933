"""Fuzzing: the entry points of ``targets`` run under hypothesis (tests/test_fuzz.py) and atheris (``run.py``)."""
