"""collectsim: practise debt-collection calls against scripted debtors.

The core (content loading, the analyser, the engine, scoring) never imports textual;
the Textual app lives in ``simulator.app`` and is imported only when it is opened.
"""

__version__ = "0.1.0"
