"""Names compare and key the same however a season's article writes them."""

from __future__ import annotations

import pytest

from football.vocabulary import fold, slug


@pytest.mark.parametrize(
    ("written", "folded"),
    [
        ("Élder Santana", "elder santana"),
        ("JETıSAY", "jetisay"),
        ("İstanbul Başakşehir", "istanbul basaksehir"),
        ("Ağrı", "agri"),
        ("Bodø", "bodo"),
        ("Łódź", "lodz"),
        ("Кайрат-Жастар", "кайрат-жастар"),
        ("  Khan   Tengri ", "khan tengri"),
    ],
)
def test_fold_removes_case_accents_and_spacing_but_keeps_other_scripts(written: str, folded: str) -> None:
    assert fold(written) == folded


@pytest.mark.parametrize(
    ("name", "key"),
    [
        ("Khan-Tengri", "khan-tengri"),
        ("Khan Tengri", "khan-tengri"),
        ("Élder Santana", "elder-santana"),
        ("Астана", "астана"),
        ("Bodø/Glimt", "bodo-glimt"),
        ("---", ""),
    ],
)
def test_slug_joins_folded_words_of_any_script(name: str, key: str) -> None:
    assert slug(name) == key
