"""Account files: one Faker re-seeded per account gives exactly what a new Faker would."""

from __future__ import annotations

from unittest import mock

import pytest

from simulator.content import account as account_mod
from simulator.content.library import Library


def _fresh_faker():
    from faker import Faker

    return Faker("en_US")


@pytest.mark.parametrize("seed_offset", [0, 1, 7])
def test_a_reused_faker_gives_the_accounts_a_new_one_gives(seed_offset: int) -> None:
    lib = Library.default()
    pairs = [(s, lib.persona_for(s)) for s in lib.scenarios()]
    # Interleave scenarios so that any state a Faker kept between accounts would show.
    reused = [account_mod.generate_account(s, p, s.seed + seed_offset).to_dict() for s, p in pairs]
    with mock.patch.object(account_mod, "_faker", _fresh_faker):  # a new Faker per account
        fresh = [account_mod.generate_account(s, p, s.seed + seed_offset).to_dict() for s, p in pairs]
    assert reused == fresh
