"""Text plumbing the analyser's rules share: normalising, sentences, words, stems, spans.

Normalising keeps lengths (curly quotes become straight, control characters spaces), so
every span found in normalised text is a span of the original, which is what lets each
move quote the trainee's own words as evidence.
"""

from __future__ import annotations

import re

from simulator.rxcache import compile as rx

MAX_SENTENCE = 400
#: Past this many sentences only entities and tone markers are looked for in the rest.
MAX_SENTENCES = 2000
#: Minimum cosine similarity for the nearest-example step.

# Same-length normalisation: curly quotes to straight, control characters to spaces,
# so that every span found in the normalised text is a span of the original.
TRANS = {ord("’"): "'", ord("‘"): "'", ord("`"): "'", ord("“"): '"', ord("”"): '"'}
TRANS.update({c: " " for c in range(32) if c not in (10,)})
TRANS[0x7F] = " "

SPLIT = rx(r"[.!?]+(?=[\s\"')\]]|$)|\n+|;\s")
#: Transcript annotations that are not speech: "[laughs]", "[crosstalk]", "[inaudible 00:01:51]".
STAGE = rx(r"\[[^\[\]\n]{1,60}\]")
ABBREV = rx(r"(?:\b(?:mr|ms|mrs|dr|st|jr|sr|ext|vs|etc|no|approx|dept|p\.m|a\.m|e\.g|i\.e|"
                     r"jan|feb|mar|apr|jun|jul|aug|sep|sept|oct|nov|dec)|\b[a-z])$", re.IGNORECASE)
TOKEN = rx(r"[a-z0-9]+(?:'[a-z]+)?")
STOP = frozenset(
    "a an the and or but so to of in on at for with by from is are was were be been am i me my "
    "you your it its this that these those we us our they them their he she his her him do does "
    "did have has had will would can could should just really okay ok um uh well yeah oh like "
    "there here what how if then than as about up out not no".split()
)
FILLERS = frozenset(
    "and so okay ok well now alright right yeah um uh hmm mm then but also oh gotcha hey wh w "
    "great perfect sure".split()
)
#: Fillers and back-channel words: they show attention and agree, they restate nothing.
BACKCHANNEL = FILLERS | frozenset(
    "all yes yep yup no nope true exactly absolutely definitely indeed huh mhm good fine cool "
    "wow ah sense make makes know does is it that thanks thank you bye goodbye hello hi please "
    "sorry welcome problem worries".split())
FILLER_PAIRS = frozenset({("got", "it"), ("i", "see"), ("all", "right"), ("mm", "hmm"),
                           ("uh", "huh")})

def example_features(text: str) -> frozenset[str]:
    """Words (without stop words) and word pairs, for nearest-example similarity."""
    toks = TOKEN.findall(text.lower())
    feats = {t for t in toks if t not in STOP}
    feats.update(f"{a}_{b}" for a, b in zip(toks, toks[1:], strict=False))
    return frozenset(feats)


def stem(word: str) -> str:
    """A crude stem so that 'hours'/'hour', 'paid'/'paying' meet."""
    w = word.lower().split("'")[0]
    for suf in ("ing", "ed", "es", "s", "ly"):
        if len(w) > len(suf) + 3 and w.endswith(suf) and not w.endswith("ss"):
            return w[: -len(suf)]
    return w


def content(text: str) -> set[str]:
    """Content-word stems, for telling whether a line restates another."""
    out = set()
    for t in TOKEN.findall(text.lower()):
        t = t.split("'")[0]
        if len(t) > 2 and t not in STOP:
            out.add(stem(t))
    return out



def split_sentences(text: str) -> list[tuple[int, int]]:
    """Sentence spans (start, end) of ``text``, none longer than MAX_SENTENCE.

    Splits after ., ! or ? followed by a space (not after "Mr." or "p.m."), at line
    breaks and at semicolons; long runs are cut at a space.
    """
    spans: list[tuple[int, int]] = []
    start = 0
    n = len(text)
    for m in SPLIT.finditer(text):
        end = m.end()
        if m.group(0).startswith(".") and ABBREV.search(text, max(start, m.start() - 8), m.start()):
            continue
        if text[start:end].strip():
            spans.append((start, end))
        start = end
        if len(spans) > MAX_SENTENCES:
            break
    if start < n and text[start:].strip():
        spans.append((start, n))
    out: list[tuple[int, int]] = []
    for a, b in spans:
        while b - a > MAX_SENTENCE:
            cut = text.rfind(" ", a + MAX_SENTENCE // 2, a + MAX_SENTENCE)
            cut = cut if cut > a else a + MAX_SENTENCE
            out.append((a, cut))
            a = cut
        # trim whitespace so spans are tidy evidence
        while a < b and text[a].isspace():
            a += 1
        while b > a and text[b - 1].isspace():
            b -= 1
        if b > a:
            out.append((a, b))
    return out



AMOUNT_TAIL = rx(r"\s?\d[\d,]*(?:\.\d+)?(?<![,.])|\s?[\d,]*\d(?:\.\d+)?")


def whole_words(s: str, start: int, end: int) -> tuple[int, int]:
    """(start, end) widened so that the span covers whole words and a whole amount:
    a cue that stops at "with N" or "that's $" shows "with Northgate" or "that's $80"."""
    n = len(s)
    start, end = max(0, min(start, n)), max(0, min(end, n))
    while start > 0 and s[start - 1].isalnum() and s[start].isalnum():
        start -= 1
    while 0 < end < n and s[end - 1].isalnum() and (s[end].isalnum() or (
            s[end] in "'’" and end + 1 < n and s[end + 1].isalpha())):
        end += 1
    if 0 < end < n and (s[end - 1] in "$£€" or (s[end - 1].isdigit() and s[end] in ",.")):
        m = AMOUNT_TAIL.match(s, end if s[end - 1] in "$£€" else end - 1)
        if m and m.end() > end:
            end = m.end()
    while end > start and s[end - 1].isspace():
        end -= 1
    return start, end



def words_of(low: str) -> list[str]:
    """The words of a lower-cased sentence with stutters undone ("what-what would" is
    "what would", "I-I think" is "I think"), as speech transcripts often have them."""
    out: list[str] = []
    for w in TOKEN.findall(low):
        if not out or w != out[-1]:
            out.append(w)
    return out


def strip_fillers(words: list[str]) -> list[str]:
    """Words without the leading fillers ("okay so", "got it", "I see")."""
    i = 0
    n = len(words)
    while i < n - 1:
        if i < n - 2 and (words[i], words[i + 1]) in FILLER_PAIRS:
            i += 2
        elif words[i] in FILLERS:
            i += 1
        else:
            break
    return words[i:]

