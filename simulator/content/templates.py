"""Commented starting files for ``collectsim new persona|scenario NAME``.

A trainer learns the format from a file that already works: every section is there
with a comment saying what it does, and the file validates as written (a test runs
``collectsim validate`` on both).
"""

from __future__ import annotations

import re

ID_RE = re.compile(r"^[a-z0-9][a-z0-9_-]*$")

_PERSONA = """\
# yaml-language-server: $schema={schema}
#
# A debtor persona for collectsim. Check it with:  collectsim validate {file}
# Draw its call graph with:                     collectsim graph SCENARIO
#
# Lines may use placeholders filled from the account file and the persona:
#   {{debtor.first_name}} {{account.balance}} {{creditor.name}} {{agency.name}}
#   {{offer.monthly}} {{counter.monthly}} {{agreed.first_date}} {{fact.NAME}} ...
# Write {{{{ and }}}} for literal braces.

id: {name}                        # lower case, digits, '-' and '_'; scenarios name it
name: "{title} (hardship)"        # shown in the scenario list
archetype: hardship               # cooperative, hardship, resistant, hostile, third_party, ...
difficulty: medium                # easy | medium | hard
summary: >-
  One or two sentences a trainee reads before choosing the scenario: who this
  debtor is and what they need from the caller.

# Identity values this persona fixes; the account generator fills in the rest.
debtor:
  first_name: Jordan
  age: 41
  occupation: bus driver (hours cut)

# The numbers the state machine reads. Trust and irritation run 0 to 100; patience
# counts turns without progress; money is in dollars. Add your own under 'custom'.
numbers:
  trust: 30
  irritation: 15
  patience: 8
  lump_sum: 50                    # cash they could pay at once
  monthly_capacity: 90            # the most they can pay each month
  min_monthly: 40                 # counter-offers never go below this
  custom:
    worry: 50

# Things the debtor says only when asked well; 'reveal:NAME' in a transition's 'do'
# reveals one, and {{fact.NAME}} puts its text into a line.
facts:
  hours_cut:
    kind: hardship                # hardship | emotion | dispute | attorney | cease | info
    text: "My hours got cut in half in the spring. I'm covering rent and that's about it."
    keywords: [hours, cut, rent, spring]

# How each move changes the numbers ('turn' applies to every line).
effects:
  turn: {{patience: -1}}
  open_question: {{trust: 6}}
  empathy: {{trust: 10, irritation: -8, worry: -10}}
  reflection: {{trust: 8, irritation: -5}}
  request_full_payment: {{trust: -8, irritation: 10}}
  pressure: {{trust: -15, irritation: 25}}
  threat: {{trust: -40, irritation: 60}}
  abuse: {{trust: -40, irritation: 50}}

# Named conditions, as expressions over the numbers and the session (verified,
# disclosed, offers, rapport, offer_monthly, revealed_NAME, said_MOVE, ...).
# Built-in ones such as calm, trusting, offer_affordable and out_of_patience exist too.
conditions:
  opened_up: "trust >= 40"
  fed_up: "irritation >= 75 or worry >= 90"

initial: answered                 # the state the call starts in
opening:                          # what they say on picking up (one is chosen)
  - "Hello?"
  - "Yeah, hello?"

# States of the call. 'lines' are said on entering a state, 'idle' when a line
# changes nothing; one variant is chosen each time. Final states end the call with an
# outcome ('auto' derives it from what was agreed).
states:
  - name: answered
    mood: guarded
    idle:
      - "Sorry, who is this?"
      - "Who did you want?"
  - name: verified
    mood: wary
    lines:
      - "Yes, this is {{debtor.first_name}}. What's this about?"
      - "Speaking. Who's calling?"
    idle:
      - "Okay... what is this about?"
      - "Go on."
  - name: discovery
    mood: opening up
    idle:
      - "It's been a rough year."
      - "I want to sort it out, I just can't do much."
  - name: negotiating
    mood: hopeful
    idle:
      - "What would the payments look like?"
      - "I need something I can actually keep up with."
  - name: agreed
    mood: relieved
    idle:
      - "Okay. Anything else you need from me?"
      - "Thanks for working with me."
  - name: ended
    final: true
    outcome: auto
  - name: hung_up
    final: true
    outcome: hung_up

# Transitions: on a move (or 'no_move', 'check' after every turn, 'hang_up'), from
# some states ('*' = any), when conditions hold (and 'unless' others do), run
# callbacks ('do'), go to a state ('to'; omit it to stay) and say one of 'say'.
transitions:
  - on: [threat, abuse]
    to: hung_up
    do: [escalate]
    say:
      - "I'm not doing this. Goodbye. (click)"
  - on: identity_verification
    from: answered
    to: verified
    do: [confirm_identity]
  - on: [open_question, empathy, reflection]
    from: verified
    to: discovery
    when: [legitimate]              # a built-in condition: identified and disclosed
    do: ["reveal:hours_cut"]
    say:
      - "Honestly? {{fact.hours_cut}}"
      - "{{fact.hours_cut}}"
  - on: [offer_payment_plan, offer_alternative]
    from: [discovery, negotiating]
    to: agreed
    when: [offer_affordable, opened_up]
    do: [accept_offer]
    say:
      - "{{offer.monthly}} a month? Okay. I can do that."
  - on: [offer_payment_plan, offer_alternative, request_full_payment, ask_capacity]
    from: [discovery, negotiating]
    to: negotiating
    unless: [offer_affordable]
    do: [counter_offer]
    say:
      - "That's too much for me. Could we do {{counter.monthly}} a month?"
  - on: closing
    from: "*"
    to: ended
    say:
      - "Okay. Bye."
  - on: check                       # runs after every turn
    from: "*"
    to: hung_up
    when: [fed_up]
    say:
      - "I can't deal with this right now. (click)"
  - on: no_move
    say:
      - "Sorry?"
      - "I didn't catch that."
"""

_SCENARIO = """\
# yaml-language-server: $schema={schema}
#
# A practice scenario for collectsim. Check it with:  collectsim validate {file}

id: {name}
title: "{title}"
description: >-
  What the trainee is told before the call: who they are calling, about what, and
  anything unusual about this case.
persona: {persona}              # a persona id, or a path relative to this file
seed: 1                          # the account file and the debtor's choices follow it
objective_hint: >-
  Verify, disclose, listen first, and agree a plan the debtor can keep.

# Account-file values to pin; everything else is generated from the seed.
account:
  creditor: Lakeside Card Services
  balance: 1240.00
  days_past_due: 120
  agency: Northgate Recovery
  collector_name: Sam

# What the creditor lets the collector offer.
policy:
  settlement_floor: 0.6          # lowest settlement, as a fraction of the balance
  max_installments: 12
  min_installment: 25
  max_first_payment_days: 30
  hardship_program: true

# When and how the call happens (the debtor's local time and time zone).
call:
  timezone: America/New_York
  local_time: "18:30"            # quote times: HH:MM on a 24-hour clock
  answered_by: debtor

# Optional: weigh the rubric's dimensions differently for this scenario
# (preparation, tone, active_listening, flexibility, documentation).
rubric:
  weights:
    active_listening: 30

# Scripted checks: `collectsim check` plays the lines and compares the result.
checks:
  - name: a threat ends the call
    lines:
      - "Is this the account holder?"
      - "Pay today or we'll have you arrested."
    expect:
      outcome: hung_up
"""


def _title(name: str) -> str:
    return re.sub(r"[-_]+", " ", name).strip().capitalize() or name


def persona_template(name: str, schema: str = "../schemas/persona.schema.json",
                     file: str | None = None) -> str:
    return _PERSONA.format(name=name, title=_title(name), schema=schema,
                           file=file or f"personas/{name}.yaml")


def scenario_template(name: str, persona: str = "hardship",
                      schema: str = "../schemas/scenario.schema.json",
                      file: str | None = None) -> str:
    return _SCENARIO.format(name=name, title=_title(name), persona=persona, schema=schema,
                            file=file or f"scenarios/{name}.yaml")
