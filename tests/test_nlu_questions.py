"""What a line asks (simulator/nlu/questions.py): intents and topics.

The questions below were written apart from the QA suite's (tests/qa), as a second set
of phrasings; most must give their intent (a few sit between two intents).
"""

from __future__ import annotations

import pytest

from simulator.nlu.analyser import analyze
from simulator.nlu.questions import IDENTITY_INTENTS, about_situation, find_asks, intents, topic_of

PHRASINGS: dict[str, list[str]] = {'small_talk': ["How's your day going?",
                'Been keeping busy this week?',
                'Did you have a nice Thanksgiving?',
                'Is it raining where you are?',
                'You watching the playoffs tonight?',
                'Are you a Cowboys fan?',
                'Got anything fun planned this weekend?',
                "How's the family?",
                "Nice weather we're having, right?",
                'Have you been anywhere nice on vacation this year?',
                'Do you have any pets?',
                'Seen anything good on Netflix?',
                'What do you do for fun?',
                'Did you catch the fight last night?',
                'Busy day today?',
                'Read any good books lately?',
                'Are you into cooking at all?',
                'How was your weekend?',
                'Is it snowing out there yet?',
                'Any big holiday plans?'],
 'income': ['How much do you take home each month?',
            'Are you getting any unemployment benefits?',
            "What's your monthly income roughly?",
            'When do you next get a paycheck?',
            'Is your pay weekly or monthly?',
            'Do you have any money coming in at the moment?',
            'How much does your job pay?',
            'Are you paid hourly or salaried?',
            'What do you bring in per week?',
            'Any other source of income in the household?'],
 'payment_method': ["Do you have a debit card you'd like to use?",
                    'Would you prefer to pay online?',
                    'Can we set this up as an automatic bank draft?',
                    'Will you be paying by check?',
                    'What card would you like to put it on?',
                    'Would ACH from your checking account work?',
                    'Do you want to pay through our website or over the phone?',
                    'Which account would you like the payments to come from?',
                    'Would a money order be easier for you?',
                    'Do you prefer card or bank transfer?'],
 'employment': ['Do you have a job right now?',
                'Are you currently employed?',
                'Who do you work for?',
                'What line of work are you in?',
                'Did you find work after the layoff?',
                'Are you working full-time or part-time?',
                'Is your job steady?',
                'Have you started the new job yet?',
                'Do you work for yourself?',
                "What's your job?"],
 'dispute': ['Is this a debt you owe?',
             'Do you believe you owe this amount?',
             'Does the balance look right to you?',
             "Are you saying this isn't yours?",
             'Do you agree that you owe it?',
             'Is there anything about this account you disagree with?',
             'Do you think the amount is wrong?',
             'Do you acknowledge this account?',
             'Is the $500 correct as far as you know?',
             'Are you familiar with this account?'],
 'message': ['Can I leave my number with you?',
             'Would you mind letting her know I called?',
             'Could you have her give me a call?',
             'Can you tell him Sam from the office called?',
             'Please ask her to ring me back.',
             'Could you pass a message to her?',
             'Would you let him know to call me?',
             'Can you give her my number?',
             "I'd like to leave a message, is that okay?",
             'Could she call me when she gets in?'],
 'callback': ['Should I call you back tomorrow?',
              'Can I ring you later?',
              'Is it okay if I try you again on Monday?',
              'Would tomorrow morning be better for a call?',
              'Can we talk again later this week?',
              'Mind if I follow up with you on Friday?',
              'Could I give you a ring after lunch?',
              'Want me to call back another time?',
              'Shall I phone you this evening instead?',
              'Can I reach you again next week?'],
 'third_party_whereabouts': ['Is she at work right now?',
                             'Where can I find her today?',
                             "Do you know when she'll be back?",
                             'Is he around?',
                             'Will she be home tonight?',
                             'Is she out of town?',
                             'When does she usually get home?',
                             'Is Alicia available?',
                             'Do you know where he is?',
                             'Has she left for the day?'],
 'identity_phone': ['Is this your cell phone?',
                    'Is there a better number to reach you?',
                    'Can I reach you on this line in the future?',
                    'Is this a landline or a mobile?',
                    'Should I use this number going forward?',
                    'Do you have another number I can call?',
                    'Is this number still good for you?',
                    "What's the best phone number for you?",
                    'Is this her cell?',
                    'Can I text this number?'],
 'best_time': ['What time works best for you?',
               'When are you usually free to talk?',
               'Is mornings better for you?',
               'What hours are you available?',
               'When would suit you for a call?',
               'When are you off work?',
               'Evenings or weekends, which is better?',
               'When can I catch her?',
               "What's a convenient time to reach you?",
               "Is there a time of day that's easier?"],
 'what_happened': ['What caused you to fall behind?',
                   'How did things get to this point?',
                   "What's been going on since the payments stopped?",
                   'Can you tell me what led to this?',
                   'What happened after you lost the job?',
                   'Why did the payments stop?',
                   'Has something happened recently?',
                   'What changed for you this year?',
                   'Can you walk me through how this happened?',
                   'What made it hard to keep up?'],
 'why_balance': ['Do you know why the balance is so high?',
                 'Do you understand how the amount was calculated?',
                 'Any idea where the fees came from?',
                 'Do you know what charges make up this balance?',
                 'Were you aware of the interest on this?',
                 'Do you know what the amount includes?',
                 'Were there late fees added that you know of?',
                 'Did you know the balance had grown?',
                 'Do you know what this bill is for?',
                 "Any idea why it's $1,875?"],
 'capacity': ['How much could you pay today?',
              'What can you afford monthly?',
              'Could you manage $50 a month?',
              "What's realistic for you?",
              'How much can you put down now?',
              'What payment would fit your budget?',
              'How much can you spare?',
              'What could you pay this week?',
              'Is there an amount you can commit to?',
              'What would work for you each month?']}


def _hit(intent: str, got: list[str]) -> bool:
    if intent == "small_talk":
        return any(g.startswith("small_talk") for g in got)
    return intent in got


def test_phrasings_give_their_intent():
    total = sum(len(qs) for qs in PHRASINGS.values())
    found = sum(_hit(i, [a.intent for a in find_asks(q)]) for i, qs in PHRASINGS.items() for q in qs)
    assert found / total >= 0.9, f"{found}/{total}"


@pytest.mark.parametrize("line", [
    "This is an attempt to collect a debt, and any information obtained will be used for that purpose.",
    "This call may be recorded.",
    "I'm calling about your Lakeside card; the balance is $1,240.",
    "I'm so sorry to hear that.",
    "So that's $80 a month starting December 15th.",
    "Thanks for your time, take care.",
    "My name is Sam and my number is 800-555-0142.",
])
def test_statements_ask_nothing(line):
    assert [a for a in find_asks(line) if a.intent != "other"] == []


@pytest.mark.parametrize("line,name", [
    ("Am I speaking with Maria Delgado?", "Maria Delgado"),
    ("Hi, is this Ms. Moreno?", "Moreno"),
    ("I'm looking for a Mr. James Whitfield, does he live there?", "James Whitfield"),
    ("Sorry — Gary Kowalski?", "Gary Kowalski"),
    ("is this maria?", "maria"),
])
def test_the_name_asked_for(line, name):
    ask = next(a for a in find_asks(line) if a.intent == "identity_name")
    assert ask.value == name


@pytest.mark.parametrize("line", ["Okay?", "Really?", "Hello?", "Thanks?"])
def test_a_bare_word_is_not_a_name(line):
    assert all(a.intent != "identity_name" for a in find_asks(line))


def test_topics_say_what_is_about_the_debtors_situation():
    assert topic_of("employment") == "situation" and topic_of("income") == "finances"
    assert topic_of("small_talk_weather") == "small_talk"
    assert about_situation(find_asks("Are you working at the moment?"))
    assert not about_situation(find_asks("What's your favourite film?"))
    assert not about_situation(find_asks("Is this the best number to reach you?"))
    assert IDENTITY_INTENTS <= set(intents())


def test_the_analysis_carries_the_asks():
    a = analyze("Hi, is this Maria Delgado? Can you confirm your date of birth?")
    assert [x.intent for x in a.asks] == ["identity_name", "identity_dob"]
    d = a.to_dict()["asks"]
    assert d[0]["value"] == "Maria Delgado" and d[1]["topic"] == "identity"
    assert type(a).from_dict(a.to_dict()).asks == a.asks
