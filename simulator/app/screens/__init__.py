"""The app's screens; each imports Textual, so the app imports them lazily."""
