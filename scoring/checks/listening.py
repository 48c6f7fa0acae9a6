"""Active listening: open questions, timely empathy, reflections in the debtor's own
words, coming back to what was disclosed, leaving room to talk.

Seeds: "listen actively to debtors, address their concerns, and empathize with their
situations", "showing understanding, active listening, and respect to the debtor".
"""

from __future__ import annotations

from scoring.checks.base import Finding, check, ev, move_quote, na
from scoring.checks.feelings import distress, hardship_said
from scoring.context import REQUEST_EVENTS, SPEAKS_FOR_DEBTOR, STOP_EVENTS, CallView
from scoring.text import content_words, keyword_hits, snippet
from simulator.engine.records import Turn

EMOTIONAL_KINDS = ("hardship", "emotion")
#: Lines that only close the call (or greet): nothing said before them is built on there.
CLOSING_MOVES = frozenset({"closing", "greeting"})
RECALLABLE_KINDS = ("hardship", "emotion", "info")


def _with_debtor(view: CallView) -> bool:
    return view.talked_with_debtor and len(view.turns) >= 2


def _name_words(view: CallView) -> set[str]:
    """Names are not content: "Maria" in both mouths is no reflection."""
    acc = view.account
    if acc is None:
        return set()
    names = [acc.debtor.first_name, acc.debtor.last_name, acc.account.creditor,
             acc.account.agency, acc.account.collector_name]
    return set(content_words(" ".join(n for n in names if n)))


#: Requests after which the debtor may not, or will not, be engaged about the debt in this
#: call at all ("I'm at work", "everything in writing", "my attorney handles this", "stop
#: calling me", "I filed for bankruptcy": the stay, and the attorney who speaks for her):
#: no discovery is due, so neither an open question nor a reflection is.
NOT_NOW_EVENTS: tuple[str, ...] = ("inconvenient", "written_only", "attorney", "cease_requested", "bankruptcy")


def _not_now(view: CallView) -> str | None:
    """What the debtor said that took the debt off the table, if they did."""
    ev = next((e for t in view.turns for e in t.events if e in NOT_NOW_EVENTS), None)
    if ev is None and view.deferred_turn is not None:
        ev = "callback"  # "Evenings, after six": only a time to call back was agreed
    return REQUEST_EVENTS.get(ev, ev) if ev else None


#: What an opening line does before discovery can start: who is calling, who answered, the
#: disclosure and the account.
OPENING_MOVES = frozenset({"greeting", "self_identification", "identity_verification", "mini_miranda",
                           "recording_notice", "state_debt"})


def _stopped_at_opening(view: CallView) -> str | None:
    """What the debtor said, when they stopped the collection (a dispute, a death) in answer
    to the opening: every line with them until then only opened the call, so discovery
    never started (the same as a cease request or an attorney)."""
    stop = view.stop_turn
    if stop is None:
        return None
    for t in view.turns:
        if t.index > stop:
            break
        opened = t.before is None or not t.before.verified or set(t.analysis.move_names) <= OPENING_MOVES
        if not opened:
            return None
    ev = next(e for t in view.turns if t.index == stop for e in t.events if e in STOP_EVENTS)
    return REQUEST_EVENTS.get(ev, ev)


def _no_room(view: CallView) -> Finding | None:
    """A zero, not "not applicable", when the trainee's own monologue left the debtor no
    room to say anything (DESIGN section 7: a check that applies is never left unassessed
    because the trainee skipped it; tester9's one-line script had empathy and reflection
    'not applicable')."""
    whole = view.whole_scripts
    if not whole:
        return None
    i = min(whole)
    return Finding(0.0, [ev(i, "", f"the whole call was said in one line (turn {i}): the debtor had no room to "
                                   "tell anything to acknowledge, reflect or build on")])


@check("open_questions")
def open_questions(view: CallView) -> Finding:
    if not _with_debtor(view):
        return na("no conversation with the debtor to ask in")
    asked = [t for t in view.turns if t.analysis.has("open_question")]
    hits = [t for t in asked if view.listens(t)]
    target = view.th.open_questions_target
    if view.stop_turn is not None:
        # A dispute, a cease request or an attorney ends discovery by law: one question to
        # understand it is the whole of what the call may still ask.
        target = 1
    if not hits and not _pushed_on(view) and (why := _not_now(view) or _stopped_at_opening(view)):
        return na(f"the debtor {why}: no question about their situation was due")
    if not hits and not asked and (told := _told_unprompted(view)) is not None:
        return na(f"the debtor told their story unprompted (turn {told}) and agreed: no question was due")
    if not hits:
        if asked:
            t = asked[0]
            return Finding(0.0, [ev(t.index, move_quote(t, "open_question"),
                                    f"no credit: {view.no_credit_why(t)}")])
        return Finding(0.0, [ev(None, "", "no open question in the call")])
    evidence = [ev(t.index, move_quote(t, "open_question"), "open question") for t in hits[:4]]
    if len(hits) < target and _told_everything(view):
        target = len(hits)
        evidence.append(ev(None, "", "the debtor told all there was to tell: no further question was due"))
    elif len(hits) < target and (drew := _drew_the_story(view, hits)) is not None:
        target = len(hits)
        evidence.append(ev(drew, "", f"the question at turn {drew} drew the debtor's story and the debtor moved on "
                                     "to agreeing: no further question was due"))
    if len(hits) < target:
        evidence.append(ev(None, "", f"{len(hits)} of the {target} open questions expected"))
    return Finding(len(hits) / target, evidence)


#: Moves that go after money: after a stop they are the gate's finding.
_MONEY_MOVES = ("ask_capacity", "request_full_payment", "offer_settlement", "offer_payment_plan",
                "offer_alternative")


def _pushed_on(view: CallView) -> bool:
    """Whether the trainee went after money once the debtor took the debt off the table: the
    call was then run as a negotiation, and its questions are judged as one (a held-out
    small-talk call asked for "$200 a month" after "I'm not doing this over the phone")."""
    at = next((t.index for t in view.turns if any(e in NOT_NOW_EVENTS for e in t.events)), None)
    return at is not None and any(t.index > at and any(t.analysis.has(m) for m in _MONEY_MOVES)
                                  for t in view.turns)


def _told_unprompted(view: CallView) -> int | None:
    """The turn whose reply told the debtor's story without being asked, in a call the
    debtor agreed in by that reply (tester11 3.6: "How do I fix this?" then the move and
    "Let's just pay it off" in one answer to the first concrete ask)."""
    agreed = view.agree_turn
    if agreed is None:
        return None
    # In one breath: the story and the yes in the same reply. A story told earlier left room
    # for a question before the offer (the debtor's circumstances were there to explore).
    return next((turn for turn, _ in view.reveals if turn == agreed), None)


def _drew_the_story(view: CallView, hits: list[Turn]) -> int | None:
    """The open question whose answer told the debtor's story, in a call the debtor then
    agreed in: a second question would have been padding (tester9's honest calls lost
    10/20 on a quota of two)."""
    agreed = view.agree_turn
    if agreed is None:
        return None
    for t in hits:
        if t.index < agreed and any(e.startswith("revealed:") for e in t.events):
            # straight on to agreeing: every line between did something with it. A line that
            # did nothing ("That's good news about the new job.") was the room for another
            # question while the debtor had more to tell (test_scoring_honest keeps that).
            between = [x for x in view.turns if t.index < x.index < agreed]
            if all(x.analysis.move_names for x in between):
                return t.index
    return None


def _told_everything(view: CallView) -> bool:
    """Every fact the debtor had was out (a short call where one question drew the whole
    story): a second open question has nothing left to find."""
    if not view.is_session or not view.facts:
        return False
    return set(view.facts) <= {fact.name for _, fact in view.reveals}


#: Moves that take back an acknowledgement in the same breath ("I'm sorry to hear that. I
#: still need the full balance today" dismisses what the debtor just said).
DISMISSING = ("request_full_payment", "pressure", "threat", "abuse")


def _dismisses(view: CallView, t: Turn) -> bool:
    """Whether the line's own ask sweeps aside what it reflects. Pressure, threats and abuse
    always do; asking for the balance does when the debtor had shown a hardship, a feeling
    or anger (tester9's "So you feel like we people just don't stop. Anyway, how would you
    like to pay the $1,875 today?"), not when a debtor with the money asked what their
    options are (tester10 3.7: "moving twice in one year is a great deal to manage ...
    Would you be able to take care of the full $1,480 today?", credited as coming back to
    the move, was no reflection)."""
    if any(t.analysis.has(m) for m in DISMISSING if m != "request_full_payment"):
        return True
    if not t.analysis.has("request_full_payment"):
        return False
    return any(u.index < t.index and ("escalated" in u.events or any(
        e.startswith("revealed:") and view.facts.get(e.split(":", 1)[1]) is not None
        and view.facts[e.split(":", 1)[1]].kind in ("hardship", "emotion") for e in u.events))
        for u in view.turns)


def _acknowledges(view: CallView, t: Turn) -> bool:
    """Empathy, or a line that answered the feeling so that the debtor calmed ("you are not
    personally responsible for this" to a widow afraid she must pay it: tester5's deceased
    call lost 25 points for saying it instead of "sorry")."""
    if any(t.analysis.has(m) for m in DISMISSING) or not view.listens(t):
        return False
    return t.analysis.has("empathy") or "calmed" in t.events


@check("empathy_after_reveal")
def empathy_after_reveal(view: CallView) -> Finding:
    window = view.th.empathy_window
    # An angry opening is not a trigger here: verification and the disclosure must come
    # first; the escalation events that follow are (composure covers the opening).
    triggers: dict[int, str] = {}
    by_index = {t.index: t for t in view.turns}
    plain: set[int] = set()  # told as a plain fact: missing empathy costs half
    for turn_no, fact in view.reveals:
        if fact.kind in EMOTIONAL_KINDS and turn_no not in triggers:
            triggers[turn_no] = f"the debtor revealed {fact.name.replace('_', ' ')} at turn {turn_no}"
            if fact.kind == "hardship" and not distress(by_index[turn_no].reply):
                plain.add(turn_no)
            else:
                plain.discard(turn_no)
    for t in view.turns:
        if "escalated" in t.events:
            triggers.setdefault(t.index, f"the debtor got upset at turn {t.index}")
            plain.discard(t.index)
        elif (t.index not in triggers and t.before is not None and t.before.verified
              and t.before.party in SPEAKS_FOR_DEBTOR and (said := hardship_said(t.reply))):
            triggers[t.index] = f'the debtor said "{said}" at turn {t.index}'
    by_index = {t.index: t for t in view.turns}
    escalations = {t.index for t in view.turns if "escalated" in t.events}
    judged = ok = 0
    evidence = []
    for k in sorted(triggers):
        following = [by_index[i] for i in range(k + 1, k + 1 + window) if i in by_index]
        if not following:
            continue
        judged += 1
        # Anger is acknowledged as it builds: a debtor still venting at turn k was
        # acknowledged by the line that drew the outburst, or the one before it.
        lead = [by_index[i] for i in (k - 1, k) if i in by_index] if k in escalations else []
        hit = next((t for t in [*following, *lead] if _acknowledges(view, t)), None)
        if hit is not None:
            ok += 1
            how = "acknowledged" if hit.analysis.has("empathy") else "answered and calmed"
            evidence.append(ev(hit.index, move_quote(hit, "empathy") if hit.analysis.has("empathy") else hit.text,
                               f"{how} {triggers[k]}"))
        else:
            t = following[0]
            hollow = next((x for x in following if x.analysis.has("empathy")), None)
            if hollow is not None and not view.listens(hollow):
                why = f"no credit: {view.no_credit_why(hollow)}"
            elif hollow is not None:
                why = "sympathy taken back in the same breath (a demand for the full balance or pressure)"
            else:
                why = f"no empathy within {window} turns"
            if k in plain and hollow is None:
                ok += 0.5
                why += " (half: it was told as a plain fact, with no hardship felt now)"
            evidence.append(ev((hollow or t).index, (hollow or t).text, f"{why} after {triggers[k]}"))
    if not judged:
        return _no_room(view) or na("the debtor revealed no hardship or emotion that called for empathy")
    return Finding(ok / judged, evidence)


def _their_words(view: CallView, line: str, names: set[str]) -> dict[str, str]:
    key = f"their_words:{line}"
    hit = view.memo.get(key)
    if hit is None:
        hit = view.memo[key] = {s: w for s, w in view.content_words(line).items() if s not in names}
    return hit


@check("reflections")
def reflections(view: CallView) -> Finding:
    if not _with_debtor(view):
        return na("no conversation with the debtor to reflect")
    need = view.th.reflection_overlap
    names = _name_words(view)
    best_credit, best_turn, best_shared = 0.0, None, []
    said_enough = said_after = False
    # What the debtor says once they stopped the collection (a dispute, a cease request, a
    # bankruptcy, a death) is for the notes: a reflection is due only for what came before.
    stop = view.stop_turn
    for t in view.turns:
        # A reflection that turns straight to a demand ("So you feel like we people just don't
        # stop. Anyway, how would you like to pay the $1,875 today?": tester9) parrots; it
        # does not listen.
        candidate = ((t.analysis.has("reflection") or t.analysis.has("empathy")) and view.listens(t)
                     and not _dismisses(view, t))
        if said_enough and not candidate:
            continue  # nothing more to learn from this turn (the debtor's words cost time)
        recent = view.debtor_lines_before(t.index)[-3:]
        # The debtor's content words (names aside), the oldest line's form first.
        theirs: dict[str, str] = {}
        for _, line in reversed(recent):
            theirs.update(_their_words(view, line, names))
        if len(theirs) >= need:
            if stop is None or t.index <= stop:
                said_enough = True
            else:
                said_after = True
        if not candidate:
            continue
        shared = [theirs[s] for s in view.content_words(t.text) if s in theirs]
        if len(shared) >= need:
            credit = 1.0
        elif t.analysis.has("reflection") and shared:
            # a paraphrase anchored on the debtor's own word ("So the statements went to the
            # old address" for "the statements never made it to the new place": tester8)
            credit = 1.0
        elif t.analysis.has("reflection"):
            credit = 0.5
        else:
            continue
        if credit > best_credit:  # the first, best reflection is the evidence
            best_credit, best_turn, best_shared = credit, t, shared
    not_now = _not_now(view)
    if best_credit < 1.0 and (not_now or (stop is not None and not said_enough)):
        # Not due at all: a half-reflection must not score below saying nothing.
        if not_now:
            return na(f"the debtor {not_now}: nothing of theirs was due a reflection")
        return na("what the debtor said came after they stopped the collection: the notes carry it")
    if best_turn is None:
        if not said_enough:
            if said_after:
                return na("what the debtor said came after they stopped the collection: the notes carry it")
            return _no_room(view) or na("the debtor said too little to reflect")
        return Finding(0.0, [ev(None, "", "no reflection of what the debtor said")])
    quote_text = best_turn.text  # the whole line: the shared words must be visible
    if best_credit >= 1.0 and len(best_shared) < need:
        note = "paraphrased what the debtor said, around their word " + ", ".join(f'"{w}"' for w in best_shared[:5])
    elif best_credit >= 1.0:
        note = "reused the debtor's words: " + ", ".join(f'"{w}"' for w in best_shared[:5])
    else:
        note = "reflected, but not in the debtor's own words"
    return Finding(best_credit, [ev(best_turn.index, quote_text, note)])


@check("references_disclosed")
def references_disclosed(view: CallView) -> Finding:
    last = view.turns[-1].index if view.turns else 0
    judged = ok = 0
    evidence = []
    stop = view.stop_turn
    for turn_no, fact in view.reveals:
        if fact.kind not in RECALLABLE_KINDS or turn_no >= last:
            continue
        if stop is not None and turn_no >= stop:
            continue  # after a dispute or a cease request the job is to note it, not build on it
        if view.agree_turn is not None and turn_no >= view.agree_turn:
            continue  # told as the debtor agreed (tester11 3.6): the deal was done, nothing to build on
        keywords = list(fact.keywords) or list(content_words(fact.text).values())
        if not keywords:
            continue
        if not any(t.index > turn_no and set(t.analysis.move_names) - CLOSING_MOVES for t in view.turns):
            continue  # told as the call closed: nothing was left to build on it
        judged += 1
        # A later line that builds on it; else the line that raised it first (from the file)
        # and drew it out: either way the trainee worked with what the debtor had. (An earlier
        # line's words about another fact are not it: tester7's "while ur deployed", said of
        # his duty, was credited as raising the allotment before he told it.)
        hits = [(t, found) for t in view.turns if view.listens(t) and (found := keyword_hits(keywords, t.text))]
        hit = next((h for h in hits if h[0].index > turn_no), next((h for h in hits if h[0].index == turn_no), None))
        label = fact.name.replace("_", " ")
        if hit is not None:
            ok += 1
            t, found = hit
            did = "came back to" if t.index > turn_no else "raised it before the debtor told it:"
            evidence.append(ev(t.index, snippet(t.text, found[0], 120), f"{did} {label}: " + ", ".join(f'"{w}"' for w in found[:3])))
        else:
            evidence.append(ev(turn_no, fact.text, f"never came back to {label} (revealed at turn {turn_no})"))
    if not judged:
        if stop is not None and view.reveals:
            return na("what the debtor said came after they stopped the collection: the notes carry it")
        return _no_room(view) or na("the debtor disclosed nothing to come back to")
    return Finding(ok / judged, evidence)


@check("no_monologue")
def no_monologue(view: CallView) -> Finding:
    if len(view.turns) < 2 and not view.monologues:  # one short line is no conversation
        return na("too short a call to judge")
    flagged = view.monologues
    if not flagged:
        longest = max(view.spoken_words(t) for t in view.turns)
        return Finding(1.0, [ev(None, "", f"longest line {longest} words (limit {view.th.monologue_words}); "
                                          "one thing at a time")])
    by_index = {t.index: t for t in view.turns}
    evidence = [ev(i, by_index[i].text, f"monologue, no credit: {why}") for i, why in list(flagged.items())[:4]]
    whole = view.whole_scripts
    if whole:
        evidence.append(ev(min(whole), "", "the whole call in one line: the debtor was given no room to speak"))
    return Finding(0.0 if whole else 1.0 - 0.5 * len(flagged), evidence, passed=False)
