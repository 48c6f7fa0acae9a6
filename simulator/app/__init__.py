"""The Textual front end. Importing this package loads nothing heavy: ``main.run_app``
imports Textual only when the app is actually opened."""
