"""The conversation engine: a `transitions` machine per call, built from persona data."""
