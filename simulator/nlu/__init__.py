"""The analyser: what a trainee's words do (moves), what they name (entities), and how
they sound (tone). Pure Python, offline, explainable, extendable from YAML."""
