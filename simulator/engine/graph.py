"""The persona's state graph, drawn from the same data the engine runs.

Mermaid comes from `transitions`' own GraphMachine (no Graphviz needed); dot is
written here so that nothing needs the graphviz package.
"""

from __future__ import annotations

from collections import defaultdict

from simulator.content.models import Persona


def _edges(persona: Persona) -> dict[tuple[str, str], list[str]]:
    states = [s.name for s in persona.states if not s.final]
    edges: dict[tuple[str, str], list[str]] = defaultdict(list)
    for t in persona.transitions:
        sources = states if t.sources == ["*"] else [s for s in t.sources if s in states]
        for src in sources:
            dst = t.to or src
            label = "/".join(t.triggers)
            if t.when:
                label += f" [{' & '.join(t.when)}]"
            if t.unless:
                label += f" [not {' & '.join(t.unless)}]"
            if label not in edges[(src, dst)]:
                edges[(src, dst)].append(label)
    return edges


def to_mermaid(persona: Persona) -> str:
    """Mermaid via transitions' GraphMachine with the mermaid backend."""
    from transitions.extensions.diagrams import GraphMachine

    class _M:
        pass

    m = _M()
    machine = GraphMachine(
        model=m,
        states=[s.name for s in persona.states],
        initial=persona.initial,
        auto_transitions=False,
        graph_engine="mermaid",
        show_conditions=True,
        title=persona.name,
    )
    finals = {s.name for s in persona.states if s.final}
    for t in persona.transitions:
        sources = [s.name for s in persona.states if s.name not in finals] if t.sources == ["*"] \
            else [s for s in t.sources if s not in finals]
        if not sources:
            continue
        # Conditions given as names are only resolved when a transition fires; drawing
        # never fires, so the names label the edges as the trainer wrote them.
        for trigger in t.triggers:
            machine.add_transition(trigger, sources, t.to or "=", conditions=list(t.when),
                                   unless=list(t.unless))
    return machine.get_graph().draw(None)  # type: ignore[attr-defined]


def to_dot(persona: Persona) -> str:
    def q(s: str) -> str:
        return '"' + s.replace("\\", "\\\\").replace('"', '\\"') + '"'

    lines = [f"digraph {q(persona.id)} {{", "  rankdir=LR;", '  node [shape=box, style=rounded];']
    lines.append(f"  __start [shape=point]; __start -> {q(persona.initial)};")
    for s in persona.states:
        if s.final:
            lines.append(f"  {q(s.name)} [shape=doublecircle, label={q(s.name + chr(10) + str(s.outcome))}];")
    for (src, dst), labels in _edges(persona).items():
        lines.append(f"  {q(src)} -> {q(dst)} [label={q(chr(10).join(labels))}];")
    lines.append("}")
    return "\n".join(lines)
