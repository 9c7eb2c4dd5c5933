"""The decoder: the most likely labelling of a whole page, by a Viterbi pass over scored labels.

Scores are additive log-odds (hand-set weights): an *emission* scores a label for a
line by what the line shows; a *transition* scores a label after the previous line's
label, from a table per line that may read the previous line's evidence. ``-inf`` forbids.
"""

from __future__ import annotations

import math
from collections.abc import Sequence

__all__ = ["NEVER", "viterbi"]

NEVER = -math.inf


def viterbi(
    emissions: Sequence[Sequence[float]],
    tables: Sequence[Sequence[Sequence[float]]],
    states: int,
) -> tuple[list[int], list[float]]:
    """The best label sequence for ``emissions`` (one score per label and line) and each line's margin.

    ``tables[i][a][b]`` scores label ``b`` on line ``i`` after label ``a`` on line ``i - 1``
    (``tables[0]`` is not read). The margin of a line is how much worse the best complete path
    through its second-best label is (``inf`` when no other label was possible): a confidence
    for the line's reading.
    """
    count = len(emissions)
    if not count:
        return [], []
    # Only the labels a line allows take part: most lines allow two or three of them.
    allowed = [[s for s in range(states) if row[s] != NEVER] for row in emissions]
    forward = [list(emissions[0])]
    back: list[list[int]] = [[0] * states]
    blank = [NEVER] * states
    previous, before = forward[0], allowed[0]
    for i in range(1, count):
        here, table, now = emissions[i], tables[i], allowed[i]
        scores = blank[:]
        pointers = [0] * states
        for b in now:
            best, arg = NEVER, 0
            for a in before:
                value = previous[a] + table[a][b]
                if value > best:
                    best, arg = value, a
            scores[b] = best + here[b]
            pointers[b] = arg
        forward.append(scores)
        back.append(pointers)
        previous, before = scores, now
    # Backward scores give each label's best complete path, for the margins.
    backward: list[list[float]] = [[]] * count
    backward[-1] = [0.0] * states
    after, ahead = backward[-1], allowed[-1]
    for i in range(count - 2, -1, -1):
        here_next, table, now = emissions[i + 1], tables[i + 1], allowed[i]
        onward = [here_next[b] + after[b] for b in range(states)]
        row = blank[:]
        for a in now:
            cells = table[a]
            best = NEVER
            for b in ahead:
                value = cells[b] + onward[b]
                if value > best:  # noqa: PLR1730 (max() is a call per label: slower in this loop)
                    best = value
            row[a] = best
        backward[i] = row
        after, ahead = row, now
    last = max(allowed[-1], key=lambda s: forward[-1][s])
    path = [last]
    for i in range(count - 1, 0, -1):
        path.append(back[i][path[-1]])
    path.reverse()
    margins = []
    for i, chosen in enumerate(path):
        fwd, bwd = forward[i], backward[i]
        best = fwd[chosen] + bwd[chosen]
        second = NEVER
        for s in allowed[i]:
            if s != chosen and fwd[s] + bwd[s] > second:
                second = fwd[s] + bwd[s]
        margins.append(best - second if second != NEVER else math.inf)
    return path, margins
