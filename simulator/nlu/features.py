"""The features the learned layer reads: one function, used alike when training and
when analysing, so that the shipped weights always meet the features they were made on.

A line becomes a set of short strings (binary features):

- ``w:word`` and ``b:word_word``: words and word pairs, lower case, with amounts and
  numbers folded into ``_money_`` / ``_num_`` so that "$75" and "$1,240" look alike;
- ``c:abc``: character 3- to 5-grams inside words (typos, "pls", "u", "ur" still share
  most of their grams with the spelled-out word);
- ``x:word``: words of the debtor's previous line, and ``ov:N``, how many content words
  the line shares with it (restating what the debtor said is what a reflection does);
- ``k:class`` and ``k:a+b``: the word classes of ``lexicon`` in the line, and the pairs
  of them that meet in one sentence (a consequence under a condition, say);
- ``r:move``: what the rules found, so the model learns where the rules are right;
- a question or exclamation mark.

Nothing here is heavy; the whole set for a typical line costs well under 0.1 ms.
"""

from __future__ import annotations

import functools
from collections.abc import Callable, Iterable

from simulator.rxcache import compile as rx

_CURLY = str.maketrans({"’": "'", "‘": "'", "`": "'", "“": '"', "”": '"'})
_MONEY = rx(r"[$£€]\s?\d[\d,]*(?:\.\d+)?(?:\s?k\b)?|\b\d[\d,]*(?:\.\d+)?\s?(?:dollars|bucks)\b")
_NUM = rx(r"\b\d[\d,./:-]*\b")
_TOKEN = rx(r"_money_|_num_|[a-z]+(?:'[a-z]+)?|[?!.,;:]")
_STOP = frozenset(
    "a an the and or but so to of in on at for with by from is are was were be been am i me my "
    "you your it its this that these those we us our they them their he she his her him do does "
    "did have has had will would can could should just really okay ok um uh well yeah oh like "
    "there here what how if then than as about up out not no".split()
)
_NEGATORS = frozenset({"not", "never", "no", "nobody", "nothing", "none", "neither", "nor", "cannot",
                       "cant", "wont", "dont", "aint", "nowhere", "noone"})
_PUNCT = frozenset("?!.,;:")
_CLAUSE_END = frozenset({"but", "however", "although", "though", "unless", "except", "yet"})
#: Longest text the features look at: a paste beyond this adds nothing a line would not.
MAX_CHARS = 1200
MAX_CONTEXT = 600


def normalise(text: str) -> str:
    """Lower case, straight quotes, amounts and numbers folded to placeholders."""
    low = text[:MAX_CHARS].translate(_CURLY).lower()
    low = _MONEY.sub(" _money_ ", low)
    return _NUM.sub(" _num_ ", low)


@functools.lru_cache(maxsize=256)
def tokens(text: str) -> tuple[str, ...]:
    """The line's tokens; kept for the last few lines, which each analysis reads twice
    (its words, then again beside the debtor's line) and once more per sentence."""
    return tuple(_TOKEN.findall(normalise(text)))


def content_words(toks: Iterable[str]) -> set[str]:
    """Content words (no stop words, no placeholders), crudely stemmed."""
    out = set()
    for t in toks:
        if len(t) > 2 and t not in _STOP and not t.startswith("_") and t.isalpha():
            out.add(t[:5])
    return out


def word_features(text: str) -> set[str]:
    """Only the word and word-pair features: what the explanation weighs per sentence."""
    words = [t for t in tokens(text) if t not in _PUNCT]
    out = {"w:" + w for w in words}
    out.update(f"b:{a}_{b}" for a, b in zip(["<s>", *words], [*words, "</s>"], strict=True))
    return out


#: word -> its character-gram features; a call's vocabulary is small and met again and
#: again, and the grams are most of a line's features (bounded: a paste of nonsense
#: words does not grow it past the bound).
_GRAMS: dict[str, frozenset[str]] = {}
_MAX_GRAM_WORDS = 50_000


def _grams(w: str) -> frozenset[str]:
    padded = f" {w} "
    n = len(padded)
    out = frozenset("c:" + padded[i:i + size] for size in (3, 4, 5) for i in range(n - size + 1))
    if len(_GRAMS) < _MAX_GRAM_WORDS:
        _GRAMS[w] = out
    return out


def features(text: str, context: str | None = None, rule_moves: Iterable[str] = ()) -> set[str]:
    """The binary features of one utterance (see the module docstring)."""
    toks = tokens(text)
    feats: set[str] = set()
    add = feats.add
    words = [t for t in toks if t not in _PUNCT]
    for w in words:
        add("w:" + w)
        if w[0] != "_":
            grams = _GRAMS.get(w)
            feats |= grams if grams is not None else _grams(w)
    prev = "<s>"
    for w in words:
        add(f"b:{prev}_{w}")
        prev = w
    add(f"b:{prev}_</s>")
    # Words in the scope of a negation ("we won't [contact your employer]") read apart
    # from the same words asserted: a denial is not a threat.
    negated = False
    for t in toks:
        if t in _PUNCT or t in _CLAUSE_END:
            negated = False
        elif t in _NEGATORS or t.endswith("n't"):
            negated = True
        elif negated and t[0] != "_":
            add("n:" + t)
    if "?" in toks:
        add("q")
        if text.rstrip().endswith("?"):
            add("q:end")
    if "!" in toks:
        add("bang")
    # No mark for "has a context" or for length: the corpus gives most empathy lines a
    # context, and a model that learned that would miss "I'm so sorry" said on its own.
    if context:
        feats |= _context_features(words, context)
    for m in rule_moves:
        add("r:" + m)
    add_class_features(text[:MAX_CHARS], add)
    return feats


def context_features(text: str, context: str | None) -> set[str]:
    """The features the debtor's previous line adds: ``features(text, context, rules)`` is
    ``features(text, None, rules) | context_features(text, context)``, and the two sets
    never share a feature (the analyser scores a line with and without its context)."""
    if not context:
        return set()
    return _context_features([t for t in tokens(text) if t not in _PUNCT], context)


def _context_features(words: list[str], context: str) -> set[str]:
    seen, theirs = _context_words(context[:MAX_CONTEXT])
    shared = content_words(words) & theirs
    return {*seen, f"ov:{min(len(shared), 4)}"}


@functools.lru_cache(maxsize=64)
def _context_words(context: str) -> tuple[frozenset[str], frozenset[str]]:
    """The debtor's line as features and as content words: read once for the line and
    again for each of its sentences."""
    ctoks = tokens(context)
    return frozenset("x:" + w for w in set(ctoks) if w not in _PUNCT), frozenset(content_words(ctoks))


def add_class_features(text: str, add: Callable[[str], None]) -> None:
    """``k:class`` for each word class in the text, ``k:a+b`` for classes that meet in one
    sentence (``lexicon.PAIRS``)."""
    from simulator.nlu.lexicon import PAIRS, classes_in, lower
    from simulator.nlu.text import split_sentences

    seen: set[str] = set()
    for a, b in split_sentences(text):
        sentence = lower(text[a:b])
        found = classes_in(sentence)
        for name in found:
            if name not in seen:
                seen.add(name)
                add("k:" + name)
        for a, b in PAIRS:
            if a in found and b in found:
                add(f"k:{a}+{b}")
        if "you" in sentence.split() or "your" in sentence:
            for name in ("insult", "condescend", "sarcasm"):
                if name in found:
                    add(f"k:{name}+you")
