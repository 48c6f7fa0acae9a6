"""simulator.yamlio: safe loading, positions, and the YAML 1.1 pitfalls."""

from __future__ import annotations

import math

from simulator.yamlio import MAX_BYTES, load_yaml, read_yaml


def _msgs(loaded) -> list[str]:
    return [p.message for p in loaded.problems]


def test_on_off_yes_no_stay_strings_true_false_are_booleans():
    d = load_yaml("on: a\noff: b\nyes: c\nno: d\nt: true\nf: False\n", "f").data
    assert d == {"on": "a", "off": "b", "yes": "c", "no": "d", "t": True, "f": False}


def test_values_of_plain_scalars():
    d = load_yaml(
        "i: 12\nneg: -3\nx: 0x1f\nf: 1.5\ne: 1e3\nn: ~\nnull2: null\ninf: .inf\nnan: .nan\n"
        "s: hello\nempty:\n", "f"
    ).data
    assert d["i"] == 12 and d["neg"] == -3 and d["x"] == 31
    assert d["f"] == 1.5 and d["e"] == 1000.0
    assert d["n"] is None and d["null2"] is None and d["empty"] is None
    assert d["inf"] == math.inf and math.isnan(d["nan"])
    assert d["s"] == "hello"


def test_times_and_dates_stay_strings():
    d = load_yaml("call_time: 18:30\nday: 2026-12-01\nq: '18:30'\n", "f").data
    assert d == {"call_time": "18:30", "day": "2026-12-01", "q": "18:30"}


def test_quoted_scalars_are_strings():
    d = load_yaml("a: '12'\nb: \"true\"\nc: !!str 5\n", "f").data
    assert d == {"a": "12", "b": "true", "c": "5"}


def test_core_tags_are_allowed():
    d = load_yaml("a: !!int '7'\nb: !!float '2'\nc: !!bool true\n", "f")
    assert d.data == {"a": 7, "b": 2.0, "c": True} and not d.problems


def test_core_tag_with_wrong_value_is_a_problem():
    loaded = load_yaml("a: !!int seven\n", "f")
    assert loaded.problems[0].message == "cannot read 'seven' as !!int"


def test_where_points_at_keys_and_items():
    text = (
        "transitions:\n"           # 1
        "  - on: greeting\n"       # 2
        "    do: [a, b]\n"         # 3
        "  - on: closing\n"        # 4
        "    do:\n"                # 5
        "      - first\n"          # 6
        "      - second\n"         # 7
    )
    loaded = load_yaml(text, "f")
    assert loaded.where(("transitions",)) == (1, 1)
    assert loaded.where(("transitions", 0)) == (2, 5)
    assert loaded.where(("transitions", 0, "do")) == (3, 5)
    assert loaded.where(("transitions", 0, "do", 1)) == (3, 13)
    assert loaded.where(("transitions", 1, "do", 1)) == (7, 9)
    # deeper than the file: the nearest known parent
    assert loaded.where(("transitions", 1, "to")) == (4, 5)
    assert loaded.where(("transitions", 9, "do")) == (1, 1)
    assert loaded.where(()) == (1, 1)


def test_python_object_tag_refused_with_position():
    loaded = load_yaml("a: 1\nb: !!python/object:os.system ls\n", "f")
    assert _msgs(loaded) == ["unknown tag '!!python/object:os.system' is not allowed"]
    assert (loaded.problems[0].line, loaded.problems[0].col) == (2, 4)
    assert loaded.data["b"] is None  # never constructed


def test_python_tag_on_a_collection_refused():
    loaded = load_yaml("a: !!python/object/apply:os.system [ls]\n", "f")
    assert "unknown tag '!!python/object/apply:os.system' is not allowed" in _msgs(loaded)


def test_unknown_local_tag_refused():
    assert _msgs(load_yaml("a: !include other.yaml\n", "f")) == [
        "unknown tag '!include' is not allowed"
    ]


def test_duplicate_keys_reported_with_first_line():
    loaded = load_yaml("numbers:\n  trust: 1\n  irritation: 2\n  trust: 3\n", "f")
    p = loaded.problems[0]
    assert p.message == "duplicate key 'trust' (first at line 2)"
    assert (p.line, p.col) == (4, 3)


def test_billion_laughs_refused():
    lines = ['a: &a ["lol","lol","lol","lol","lol","lol","lol","lol","lol","lol"]']
    for prev, cur in zip("abcdefgh", "bcdefghi", strict=True):
        lines.append(f"{cur}: &{cur} [" + ", ".join([f"*{prev}"] * 10) + "]")
    loaded = load_yaml("\n".join(lines) + "\n", "f")
    assert loaded.data is None
    assert "alias bomb" in loaded.problems[0].message


def test_moderate_aliases_are_fine():
    loaded = load_yaml("base: &b {trust: 1}\nx: *b\ny: *b\n", "f")
    assert loaded.data == {"base": {"trust": 1}, "x": {"trust": 1}, "y": {"trust": 1}}


def test_merge_keys_explicit_keys_win():
    loaded = load_yaml("base: &b {trust: 1, irritation: 2}\nn:\n  <<: *b\n  trust: 5\n", "f")
    assert loaded.data["n"] == {"trust": 5, "irritation": 2}
    assert not loaded.problems
    assert loaded.where(("n", "irritation")) == (1, 21)  # where the merged key was written


def test_recursive_alias_refused():
    loaded = load_yaml("a: &a\n  b: *a\n", "f")
    assert loaded.problems[0].message == "recursive alias '*a' is not allowed"
    assert loaded.problems[0].line == 2


def test_unknown_alias():
    loaded = load_yaml("a: *nope\n", "f")
    assert not loaded.ok
    assert "nope" in loaded.problems[0].message


def test_deep_nesting_refused():
    loaded = load_yaml("a: " + "[" * 5000 + "]" * 5000 + "\n", "f")
    assert "nesting deeper than" in loaded.problems[0].message


def test_size_limit():
    text = "a: " + "x" * (5 * 1024 * 1024) + "\n"
    loaded = load_yaml(text, "f")
    assert loaded.problems[0].message == "file is 5 MB; the limit is 1 MB"
    loaded = load_yaml(b"a: " + b"x" * int(5.2 * 1024 * 1024), "f")
    assert loaded.problems[0].message == "file is 5.2 MB; the limit is 1 MB"


def test_size_limit_reading_a_file(tmp_path):
    big = tmp_path / "big.yaml"
    big.write_bytes(b"# " + b"x" * (MAX_BYTES + 10))
    assert read_yaml(big).problems[0].message.startswith("file is 1 MB; the limit is 1 MB")


def test_not_utf8():
    loaded = load_yaml(b"id: x\nname: caf\xe9\n", "f")
    p = loaded.problems[0]
    assert p.message == "not UTF-8 text (invalid byte 0xe9 at offset 15)"
    assert (p.line, p.col) == (2, 10)


def test_utf8_bom_is_accepted():
    assert load_yaml("\ufeffa: 1\n".encode(), "f").data == {"a": 1}


def test_empty_and_comment_only_files():
    for text in ("", "   \n", "# nothing\n", "---\n"):
        loaded = load_yaml(text, "f", kind="persona")
        assert _msgs(loaded) == ["file is empty; expected a persona mapping"], text


def test_list_or_scalar_at_the_top():
    assert _msgs(load_yaml("- a\n", "f", kind="scenario")) == [
        "expected a scenario mapping at the top of the file, found a list"
    ]
    assert _msgs(load_yaml("hello\n", "f", kind="persona"))[0].startswith(
        "expected a persona mapping at the top of the file, found a single value"
    )
    assert load_yaml("- a\n", "f", mapping=False).data == ["a"]


def test_syntax_error_has_line_and_col():
    loaded = load_yaml("a: 1\nb: [1, 2\nc: 3\n", "f")
    p = loaded.problems[0]
    assert p.message.startswith("YAML syntax error: ")
    assert p.line == 3


def test_bad_indentation():
    loaded = load_yaml("a:\n  b: 1\n c: 2\n", "f")
    assert loaded.problems[0].message.startswith("YAML syntax error")
    assert loaded.problems[0].line == 3


def test_two_documents():
    loaded = load_yaml("a: 1\n---\nb: 2\n", "f")
    assert _msgs(loaded) == ["file holds 2 YAML documents; expected one"]


def test_control_character():
    loaded = load_yaml("a: 1\nb: x\x07\n", "f")
    p = loaded.problems[0]
    assert "#x0007" in p.message and (p.line, p.col) == (2, 5)


def test_json_loads_through_the_same_path():
    loaded = load_yaml('{\n\t"on": true,\n\t"turns": ["a", "b"],\n\t"n": 1.5\n}\n', "f.json")
    assert loaded.data == {"on": True, "turns": ["a", "b"], "n": 1.5}
    assert loaded.where(("turns", 1)) == (3, 17)


def test_complex_key_refused():
    loaded = load_yaml("? [a, b]\n: 1\n", "f")
    assert loaded.problems[0].message == "a key must be a single value, not a list"


def test_unreadable_file(tmp_path):
    loaded = read_yaml(tmp_path / "missing.yaml")
    assert loaded.problems[0].message.startswith("cannot read file")


def test_json_surrogate_escapes_are_text():
    import json

    from simulator.yamlio import load_yaml

    text = json.dumps({"turns": ["😀 hi", "lone \ud800 one", "\\ud83d stays"]})
    loaded = load_yaml(text, "r.json")
    assert loaded.problems == []
    assert loaded.data["turns"] == ["😀 hi", "lone \ufffd one", "\\ud83d stays"]
