"""At most `MAX_FIGURES_PER_SENTENCE` figures of one sentence are checked.

A sentence with hundreds of figures is a table or a list flattened into prose (results, a
budget, a timetable), not a claim a reader compares with another article's; every rule that
looks inside a sentence or pairs its figures would spend its time there. Extraction keeps one
figure past the cap (`checker.extract`), so this step, run on fresh and cached claims alike,
knows exactly when figures were dropped and says so once per article.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Sequence

from checker.models import Claim, Diagnostic, Figure

__all__ = ["MAX_FIGURES_PER_SENTENCE", "cap_figures"]

MAX_FIGURES_PER_SENTENCE = 50


def cap_figures(claims: Sequence[Claim], path: str) -> tuple[Sequence[Claim], Diagnostic | None]:
    """`claims` of one article without the figures past the cap, and a diagnostic if any were."""
    counts = Counter(c.sentence_index for c in claims if isinstance(c, Figure))
    over = {index for index, count in counts.items() if count > MAX_FIGURES_PER_SENTENCE}
    if not over:
        return claims, None
    kept: list[Claim] = []
    seen: Counter[int] = Counter()
    lines: dict[int, int] = {}
    for claim in claims:
        if isinstance(claim, Figure) and claim.sentence_index in over:
            seen[claim.sentence_index] += 1
            lines.setdefault(claim.sentence_index, claim.line)
            if seen[claim.sentence_index] > MAX_FIGURES_PER_SENTENCE:
                continue
        kept.append(claim)
    where = ", ".join(str(line) for line in sorted(set(lines.values()))[:5])
    sentences = "1 sentence holds" if len(over) == 1 else f"{len(over)} sentences hold"
    message = (
        f"{sentences} more than {MAX_FIGURES_PER_SENTENCE} figures (line {where}); only the"
        f" first {MAX_FIGURES_PER_SENTENCE} of each are checked"
    )
    return kept, Diagnostic(path=path, message=message)
