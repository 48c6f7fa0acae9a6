"""Trainers' content: models, safe loading with line numbers, lint, account files."""
