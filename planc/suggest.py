"""'Did you mean' with difflib's answers, without comparing the word with every candidate.

`difflib.get_close_matches(word, candidates, n=1, cutoff=0.6)` runs SequenceMatcher on every
candidate: N unknown references against N ids is N² ratio computations (17 s for 1,000 and 62 s
for 4,000 when first measured). Here each character of the candidates, with its occurrence
(the second 'a' of a word is another element than the first), is indexed once as a bit set over
the candidates (a Python int). For a word, the number of elements each candidate shares with it
(their common multiset of characters) is counted for all candidates at once by adding those bit
sets in bit-sliced binary counters: a few dozen operations on N-bit integers, done in C,
instead of a Python step per candidate. Candidates are then taken most-shared first, and only
those whose length lets them reach the best ratio found so far (a bit set per length), behind
three upper bounds of difflib's ratio over the same denominator difflib uses: shared / (shared +
len(word)), quick_ratio (the shared multiset), and the longest common subsequence (difflib's
matching blocks are one common subsequence, so their total is never more). SequenceMatcher
itself runs on a few candidates per word (benchmarks/README.md).

The answer is difflib's: the greatest (ratio, candidate) with ratio >= 0.6, the later name
winning a tie as in get_close_matches; tests/test_suggest.py checks it against difflib.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterable, Iterator, Sized
from difflib import SequenceMatcher, get_close_matches

CUTOFF = 0.6


def _elements(text: str) -> list[tuple[str, int]]:
    seen: Counter[str] = Counter()
    out = []
    for ch in text:
        seen[ch] += 1
        out.append((ch, seen[ch]))
    return out


def _members(bits: int) -> Iterator[int]:
    """The positions of the set bits of `bits`, lowest first."""
    text = bin(bits)[:1:-1]  # lowest bit first
    at = text.find("1")
    while at >= 0:
        yield at
        at = text.find("1", at + 1)


class Suggester:
    """The closest of a fixed set of candidates to any word, as get_close_matches(n=1, 0.6)."""

    def __init__(self, candidates: Iterable[str]) -> None:
        self.candidates = list(dict.fromkeys(candidates))  # a repeat never changes the answer
        self.bits: dict[tuple[str, int], int] = {}
        longest = max((len(text) for text in self.candidates), default=0)
        by_length = [0] * (longest + 1)
        for i, text in enumerate(self.candidates):
            bit = 1 << i
            for element in set(_elements(text)):
                self.bits[element] = self.bits.get(element, 0) | bit
            by_length[len(text)] |= bit
        # up_to[n]: the candidates at most n characters long
        self.up_to = []
        running = 0
        for bits in by_length:
            running |= bits
            self.up_to.append(running)
        self.lengths = [len(text) for text in self.candidates]
        self.memo: dict[str, str | None] = {}

    def closest(self, word: str) -> str | None:
        if word not in self.memo:
            self.memo[word] = self._closest(word)
        return self.memo[word]

    def _shared(self, word: str) -> list[int]:
        """How many elements each candidate shares with `word`, as bit-sliced counters: bit i
        of counters[k] is bit k of candidate i's count."""
        counters: list[int] = []
        for element in _elements(word):
            carry = self.bits.get(element, 0)
            for k, counter in enumerate(counters):
                if not carry:
                    break
                counters[k] = counter ^ carry
                carry &= counter
            if carry:
                counters.append(carry)
        return counters

    def _closest(self, word: str) -> str | None:
        if not word:  # difflib's ratio of two empty strings is 1: ask difflib itself
            close = get_close_matches(word, self.candidates, n=1, cutoff=CUTOFF)
            return close[0] if close else None
        counters = self._shared(word)
        everyone = self.up_to[-1] if self.up_to else 0
        lw = len(word)
        pattern: dict[str, int] = {}  # for the bit-parallel longest common subsequence
        for i, ch in enumerate(word):
            pattern[ch] = pattern.get(ch, 0) | (1 << i)
        full = (1 << lw) - 1
        matcher = SequenceMatcher()
        matcher.set_seq2(word)
        best: tuple[float, str] | None = None
        bar = CUTOFF
        longest = len(self.up_to) - 1
        # Most shared characters first. Three bounds of difflib's ratio, each cheaper than the
        # next and than ratio itself, all over the same denominator difflib uses:
        #   shared / (shared + len(word)), as a candidate is at least `shared` long;
        #   quick_ratio (the shared multiset), which also bounds a candidate's length;
        #   the longest common subsequence, which difflib's matching blocks form one of.
        for n in range(min(lw, 2 ** len(counters) - 1), 0, -1):
            if 2.0 * n / (n + lw) < bar - 1e-12:
                break  # no candidate further down can reach the bar
            # those sharing exactly n elements, and short enough: 2n / (lx + lw) >= bar
            exactly = everyone
            for k, counter in enumerate(counters):
                exactly = exactly & counter if n >> k & 1 else exactly & ~counter
            reach = int(2.0 * n / bar - lw + 1e-9) + 1  # one more, for rounding: checked below
            exactly &= self.up_to[max(0, min(reach, longest))]
            for i in _members(exactly):
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
