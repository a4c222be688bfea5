"""'Did you mean' with difflib's answers, without comparing the word with every candidate.

`difflib.get_close_matches(word, candidates, n=1, cutoff=0.6)` runs SequenceMatcher on every
candidate: N unknown references against N ids is N² ratio computations (the issue measured 17 s
for 1,000 and 62 s for 4,000). Here the candidates are indexed once by (character, nth
occurrence); for a word, the characters each candidate shares with it (a multiset) are counted
from that index in C, and candidates are tried most-shared first behind three upper bounds of
difflib's ratio, each over the same denominator difflib uses: shared / (shared + len(word)),
quick_ratio, and the longest common subsequence (difflib's matching blocks are one common
subsequence, so their total is never more). The loop stops when no candidate left can reach the
best ratio found, and ratio itself runs on a few candidates per word (benchmarks/README.md).

The answer is difflib's: the greatest (ratio, candidate) with ratio >= 0.6, the later name
winning a tie as in get_close_matches; tests/test_suggest.py checks it against difflib.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterable, Sized
from difflib import SequenceMatcher, get_close_matches

CUTOFF = 0.6


def _elements(text: str) -> list[tuple[str, int]]:
    seen: Counter[str] = Counter()
    out = []
    for ch in text:
        seen[ch] += 1
        out.append((ch, seen[ch]))
    return out


class Suggester:
    """The closest of a fixed set of candidates to any word, as get_close_matches(n=1, 0.6)."""

    def __init__(self, candidates: Iterable[str]) -> None:
        self.candidates = list(dict.fromkeys(candidates))  # a repeat never changes the answer
        self.postings: dict[tuple[str, int], list[int]] = {}
        for i, text in enumerate(self.candidates):
            for element in set(_elements(text)):
                self.postings.setdefault(element, []).append(i)
        self.lengths = [len(text) for text in self.candidates]
        self.memo: dict[str, str | None] = {}

    def closest(self, word: str) -> str | None:
        if word not in self.memo:
            self.memo[word] = self._closest(word)
        return self.memo[word]

    def _closest(self, word: str) -> str | None:
        if not word:  # difflib's ratio of two empty strings is 1: ask difflib itself
            close = get_close_matches(word, self.candidates, n=1, cutoff=CUTOFF)
            return close[0] if close else None
        # How many characters each candidate shares with the word, as a multiset: counted in
        # C from the postings, one list per character of the word.
        shared: Counter[int] = Counter()
        for element in _elements(word):
            shared.update(self.postings.get(element, ()))
        lw = len(word)
        pattern: dict[str, int] = {}  # for the bit-parallel longest common subsequence
        for i, ch in enumerate(word):
            pattern[ch] = pattern.get(ch, 0) | (1 << i)
        full = (1 << lw) - 1
        matcher = SequenceMatcher()
        matcher.set_seq2(word)
        best: tuple[float, str] | None = None
        bar = CUTOFF
        # Most shared characters first. Three bounds of difflib's ratio, each cheaper than the
        # next and than ratio itself, all over the same denominator difflib uses:
        #   shared / (shared + len(word)), as a candidate is at least `shared` long;
        #   quick_ratio (the shared multiset);
        #   the longest common subsequence, which difflib's matching blocks form one of.
        for i, n in shared.most_common():
            if 2.0 * n / (n + lw) < bar - 1e-12:
                break  # no candidate further down can reach the bar
            lx = self.lengths[i]
            if 2.0 * min(n, lx) / (lx + lw) < bar:
                continue
            x = self.candidates[i]
            v = full
            for ch in x:
                u = v & pattern.get(ch, 0)
                v = ((v + u) | (v - u)) & full
            if 2.0 * (lw - v.bit_count()) / (lx + lw) < bar:
                continue
            matcher.set_seq1(x)
            ratio = matcher.ratio()
            if ratio >= CUTOFF and (best is None or (ratio, x) > best):
                best = (ratio, x)
                bar = ratio  # an equal ratio may still win on the later name, as in difflib
        return best[1] if best else None


# Checks ask about the same few collections (the units, the places, a round's tasks) once per
# unknown reference: their index is kept, by identity, while the collection is alive and the
# same size. The collections are built before the checks run and not changed by them.
_INDEXES: dict[int, tuple[object, int, Suggester]] = {}
_KEEP = 16


def suggester(candidates: Iterable[str]) -> Suggester:
    key = id(candidates)
    size = len(candidates) if isinstance(candidates, Sized) else -1
    kept = _INDEXES.get(key)
    if kept is not None and kept[0] is candidates and kept[1] == size and size >= 0:
        return kept[2]
    built = Suggester(candidates)
    if size >= 0:
        if len(_INDEXES) >= _KEEP:
            _INDEXES.pop(next(iter(_INDEXES)))
        _INDEXES[key] = (candidates, size, built)
    return built


def closest(word: str, candidates: Iterable[str]) -> str | None:
    return suggester(candidates).closest(word)
