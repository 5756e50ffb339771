"""Speech frames of Chinese copy: "美国总统X…表示，…“…”", "X则重申「…」", "塔斯社引述X说：「…」".

Chinese names a person first with a title before the name ("美联储主席鲍威尔", "外长王毅"),
then by the name alone. A quotation is the words of the person whose name opens its
sentence when a speech verb (表示, 指出, 强调, 称 …) stands between the name and the
quotation; "引述X说" ("quoting X as saying") gives them to X. Only names the article
introduces with a title count, so that a place or a body opening the sentence speaks for no one.
"""

from __future__ import annotations

import re

# Titles written before a name, in simplified and traditional characters.
ZH_TITLES = (
    "国家主席|國家主席|总统|總統|主席|总理|總理|首相|外长|外長|部长|部長|国务卿|國務卿|发言人|發言人|"
    "领导人|領導人|行长|行長|秘书长|秘書長|幕僚|顾问|顧問|大使|议长|議長|主任"
)
# What ends a name after its title: a particle, a preposition, a verb's first character, a
# time word or punctuation ("总统普亭与", "外长王毅则", "主席习近平15日").
_NAME_END = (
    r"[与與和在于於今昨明当當则則也表说說指称稱的、，。,：:（(将將已对對向会會是就及同并並从從为為被以等都还還"
    r"日月周週重承强強呼认認宣写寫提坦警回补補引\d\s]"
)
# "总统普亭与…": a name of two to four characters after a title.
TITLED_NAME = re.compile(rf"(?:{ZH_TITLES})(?P<name>[\u4e00-\u9fff]{{2,4}}?)(?={_NAME_END})")
# The speech verbs that introduce a quotation after the subject, in both scripts.
ZH_SPEECH = re.compile(
    r"表示|说|說|指出|强调|強調|称|稱|重申|承诺|承諾|呼吁|呼籲|认为|認為|宣布|写道|寫道|提到|坦言|警告|回应|回應|补充|補充"
)
# "引述X说", "引述X表示": an outlet quoting X.
QUOTING = "引述"
# How far into its sentence the name that opens it may stand (after a title or a time word).
OPENING_REACH = 12
STOPS = "。！？!?\n"


def zh_speaker(masked: str, start: int) -> tuple[str, int, int] | None:
    """The person whose words the quotation at ``start`` is, with the span of the frame, or none."""
    names = {m.group("name") for m in TITLED_NAME.finditer(masked)}
    if not names:
        return None
    opening = max(masked.rfind(c, 0, start) for c in STOPS) + 1
    lead = masked[opening:start]
    quoting = lead.rfind(QUOTING)
    if quoting >= 0:
        after = lead[quoting + len(QUOTING) :]
        name = next((n for n in names if after.startswith(n)), None)
        if name is not None and ZH_SPEECH.match(after, len(name)) is not None:
            return name, opening + quoting, opening + quoting + len(QUOTING) + len(name)
        return None
    stripped = len(lead) - len(lead.lstrip())
    head = lead[stripped : stripped + OPENING_REACH]
    found = [(head.find(n), n) for n in names if head.find(n) >= 0]
    if not found:
        return None
    at, name = min(found, key=lambda f: (f[0], -len(f[1])))
    if any(c in head[:at] for c in "与與和，,"):
        return None  # "X与Y…": two people open it, or the name is in a clause of its own
    verb = ZH_SPEECH.search(lead, stripped + at + len(name))
    if verb is None:
        return None
    return name, opening + stripped + at, opening + verb.end()
