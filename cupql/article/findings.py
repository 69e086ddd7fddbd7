"""What reconciling an article finds: disagreements to report, and refusals that name the file and line."""

from __future__ import annotations

from cupql.article.parser import ArticleError
from football.season import ArticleDisagreement


class Findings:
    """Collects the disagreements of one article; `refuse` builds the error for what cannot be imported."""

    def __init__(self, source: str) -> None:
        self.source = source
        self.disagreements: list[ArticleDisagreement] = []

    def disagree(self, line: int, code: str, message: str) -> None:
        self.disagreements.append(ArticleDisagreement(line, code, message))

    def refuse(self, line: int | None, message: str) -> ArticleError:
        return ArticleError(self.source, line, message)

    def sorted(self) -> list[ArticleDisagreement]:
        return sorted(self.disagreements, key=lambda d: (d.line, d.code))
