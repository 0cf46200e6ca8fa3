"""What a fetch run did, counted for the closing summary."""
from __future__ import annotations

from collections import Counter
from dataclasses import dataclass, field


@dataclass
class FetchSummary:
    """Counts of one run; `summary_lines` is what the command prints at the end."""

    fetched: Counter[str] = field(default_factory=Counter)   # kind -> files saved
    held: int = 0
    robots: int = 0
    listings: int = 0
    failed: Counter[str] = field(default_factory=Counter)    # reason -> URLs
    not_asked: int = 0       # failed in an earlier run in a way asking again will not mend
    offsite: int = 0         # notice links to other sites, not followed
    beyond_page_limit: int = 0
    interrupted: bool = False

    @property
    def fetched_total(self) -> int:
        return sum(self.fetched.values())

    @property
    def anything(self) -> bool:
        """Whether the run left anything to build: a file fetched or already held."""
        return self.fetched_total > 0 or self.held > 0

    def summary_lines(self) -> list[str]:
        """The closing summary, one line per count that is not zero (the first always).

        >>> s = FetchSummary(held=2, robots=1, listings=3)
        >>> s.fetched.update({"notice": 4, "attachment": 1}); s.failed.update({"404": 1})
        >>> print("\\n".join(s.summary_lines()))
        fetched 5 (4 notices, 1 attachment) from 3 listing pages
        already held: 2
        forbidden by robots.txt: 1
        failed: 404 x1
        """
        order = sorted(self.fetched.items(), key=lambda item: (item[0] != "notice", item[0]))
        kinds = ", ".join(f"{n} {kind}" + ("s" if n != 1 else "") for kind, n in order if n)
        lines = [f"fetched {self.fetched_total}" + (f" ({kinds})" if kinds else "")
                 + f" from {self.listings} listing pages"]
        counts = (
            ("already held", self.held),
            ("forbidden by robots.txt", self.robots),
            ("failed", ", ".join(f"{why} x{n}" for why, n in sorted(self.failed.items()))),
            ("failed before, not asked again (--retry-failed asks)", self.not_asked),
            ("notice links to other sites, not followed", self.offsite),
            ("listing pages beyond --max-pages, not read", self.beyond_page_limit),
        )
        lines += [f"{label}: {value}" for label, value in counts if value]
        if self.interrupted:
            lines.append("interrupted: rerun the same command to go on where it stopped")
        return lines
