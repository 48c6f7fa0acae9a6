"""Scoring: the rubric, the scorer, the compliance gate and the scorecard's renderings.

Pure: never imports textual."""
