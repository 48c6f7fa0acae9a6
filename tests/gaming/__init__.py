"""The gaming corpus: session records that try to earn a score dishonestly (or are flawed)
and honest calls, each with the verdict the scorer must reach (issue 11)."""
