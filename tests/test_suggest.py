"""'Did you mean': the indexed search gives difflib's answer, always."""

from __future__ import annotations

import difflib

from hypothesis import given, settings
from hypothesis import strategies as st

from planc.diagnostics import did_you_mean
from planc.suggest import Suggester

# A small alphabet, so that words share characters and scores tie often.
WORD = st.text("abcde-", max_size=12)


def difflib_answer(word: str, candidates: list[str]) -> str | None:
    close = difflib.get_close_matches(word, candidates, n=1, cutoff=0.6)
    return close[0] if close else None


@settings(max_examples=600, deadline=None)
@given(candidates=st.lists(WORD, max_size=30), words=st.lists(WORD, min_size=1, max_size=8))
def test_the_same_answer_as_difflib(candidates: list[str], words: list[str]) -> None:
    index = Suggester(candidates)
    for word in words:
        assert index.closest(word) == difflib_answer(word, candidates), (word, candidates)


@settings(max_examples=200, deadline=None)
@given(candidates=st.lists(st.text(min_size=1, max_size=20), max_size=20), word=st.text())
def test_the_same_answer_on_any_text(candidates: list[str], word: str) -> None:
    assert Suggester(candidates).closest(word) == difflib_answer(word, candidates)


def test_ties_go_to_the_later_name_as_in_difflib() -> None:
    candidates = ["abd", "abe", "abc"]
    assert difflib_answer("abx", candidates) == "abe"
    assert Suggester(candidates).closest("abx") == "abe"


def test_the_hint_reuses_the_index_of_the_same_collection() -> None:
    units = {"commerce": 1, "culture": 2, "ports": 3}
    assert did_you_mean("port", units) == "did you mean 'ports'?"
    units["airport"] = 4  # a changed collection is indexed again
    assert did_you_mean("airprt", units) == "did you mean 'airport'?"
    assert did_you_mean("zzz", units) is None
