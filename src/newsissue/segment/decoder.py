"""The decoder: the most likely labelling of a whole page, by a Viterbi pass over scored labels.

Scores are additive log-odds (hand-set weights): an *emission* scores a label for a
line by what the line shows; a *transition* scores a label after the previous line's
label, and may read the previous line's evidence. ``-inf`` forbids.
"""

from __future__ import annotations

import math
from collections.abc import Callable, Sequence

__all__ = ["NEVER", "viterbi"]

NEVER = -math.inf


def viterbi(
    emissions: Sequence[Sequence[float]],
    transition: Callable[[int, int, int], float],
    states: int,
) -> tuple[list[int], list[float]]:
    """The best label sequence for ``emissions`` (one score per label and line) and each line's margin.

    ``transition(i, a, b)`` scores label ``b`` on line ``i`` after label ``a`` on line ``i - 1``.
    The margin of a line is how much worse the best path through its second-best label is
    (``inf`` when no other label was possible): a confidence for the line's reading.
    """
    count = len(emissions)
    if not count:
        return [], []
    labels = range(states)
    forward = [list(emissions[0])]
    back: list[list[int]] = [[0] * states]
    for i in range(1, count):
        previous, here = forward[-1], emissions[i]
        scores, pointers = [], []
        for b in labels:
            if here[b] == NEVER:
                scores.append(NEVER)
                pointers.append(0)
                continue
            best, arg = NEVER, 0
            for a in labels:
                if previous[a] == NEVER:
                    continue
                value = previous[a] + transition(i, a, b)
                if value > best:
                    best, arg = value, a
            scores.append(best + here[b])
            pointers.append(arg)
        forward.append(scores)
        back.append(pointers)
    # Backward scores give each label's best complete path, for the margins.
    backward = [[0.0] * states for _ in range(count)]
    for i in range(count - 2, -1, -1):
        after, here_next = backward[i + 1], emissions[i + 1]
        for a in labels:
            best = NEVER
            for b in labels:
                if here_next[b] == NEVER:
                    continue
                value = transition(i + 1, a, b) + here_next[b] + after[b]
                best = max(best, value)
            backward[i][a] = best
    last = max(labels, key=lambda s: forward[-1][s])
    path = [last]
    for i in range(count - 1, 0, -1):
        path.append(back[i][path[-1]])
    path.reverse()
    margins = []
    for i, chosen in enumerate(path):
        totals = sorted((forward[i][s] + backward[i][s] for s in labels), reverse=True)
        best = forward[i][chosen] + backward[i][chosen]
        second = next((t for t in totals if t < best), NEVER) if totals.count(best) == 1 else best
        margins.append(best - second if second != NEVER else math.inf)
    return path, margins
