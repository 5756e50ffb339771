"""Where a lede in Chinese, Japanese, Korean, Hindi or Nepali puts its event: a name with its locative."""

from __future__ import annotations

import pytest

from dedupe.evidence.script_places import script_places
from dedupe.models import Span


def _places(text: str) -> list[str]:
    """The places ``script_places`` finds in an invented sentence."""
    return [place.name for _, place in script_places(text, Span(0, len(text)))]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("两国官员周末在曼谷举行了会晤。", ["Bangkok"]),  # Chinese "at"
        ("两国官员周末在泰國曼谷举行了会晤。", ["Thailand", "Bangkok"]),  # a country between
        ("両国の高官がタイのバンコクで会談した。", ["Bangkok"]),  # Japanese "at"
        ("大統領は21日、広島市内で記者会見した。", ["Hiroshima"]),  # "within the city of"
        ("首相は5日、大阪市の中央公会堂で演説した。", ["Osaka"]),  # at a venue of the city
        ("首相は5日、大阪市の中央公園の会議場で演説した。", ["Osaka"]),  # at a venue within a venue
        ("大阪にある研究所が新しい装置を公開した。", ["Osaka"]),  # that lies in
        ("양국 정상은 평양에서 회담했다.", ["Pyongyang"]),  # Korean "at"
        ("양국 정상은 평양 대성구 영빈관에서 회담했다.", ["Pyongyang"]),  # at a venue of the city
        ("대통령은 어제 북한을 방문했다.", ["North Korea"]),  # visited
        ("नेपाल के पोखरा में विमान दुर्घटनाग्रस्त हो गया।", ["Pokhara"]),  # Hindi "in"
        ("जहाज पोखरामा दुर्घटना भएको छ।", ["Pokhara"]),  # Nepali "in", bound
    ],
)
def test_a_name_with_its_locative_is_the_place(text: str, expected: list[str]) -> None:
    assert _places(text) == expected


@pytest.mark.parametrize(
    "text",
    [
        "俄罗斯总统与北京的官员通了电话。",  # Russia's president, Beijing's officials: no locative
        "ロシアの大統領が東京を批判した。",  # criticised Tokyo
        "大阪の会社から連絡があった。",  # a call from an Osaka company
        "大阪の代表です。",  # is Osaka's delegate
        "러시아 대통령의 회담이 열렸다.",  # Russia's president
        "मास्को के अधिकारी ने कहा।",  # an official of Moscow
    ],
)
def test_a_name_without_a_locative_places_nothing(text: str) -> None:
    assert _places(text) == []
