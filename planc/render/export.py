"""plan.json: a round, resolved and cross-linked, for other tools."""

from __future__ import annotations

import json

from planc import __version__, records
from planc.index import Index, round_stats
from planc.render.progress import round_progress


def plan_json(index: Index, name: str) -> str:
    ri = index.rounds[name]
    rnd = ri.round
    registry = index.project.registry
    used_places = sorted(
        {r.id for c in rnd.cases() for r in c.places}
        | {r.id for t in rnd.tasks() for r in t.benchmarks}
        | {r.id for s in rnd.systems for r in s.benchmark_places}
        | {r.id for r in rnd.benchmark_regions}
    )
    places = {
        pid: records.place(registry.places[pid]) for pid in used_places if pid in registry.places
    }
    pi = index.programme
    events = pi.programme.events if pi else []
    used_units = sorted(
        {r.id for t in rnd.tasks() for r in t.lead + t.partners}
        | {r.id for m in rnd.milestones + events for r in m.units}
        | {r.id for s in rnd.systems for r in s.units}
    )
    phases = [p.title for p in pi.phases_of.get(name, [])] if pi else None
    data = {
        "generator": f"planc {__version__}",
        "round": rnd.name,
        "title": rnd.title,
        "issuer": rnd.issuer,
        "issued": rnd.issued_on,
        "phase": rnd.phase,
        "goal": rnd.goal,
        "edition": rnd.edition,
        "previous": rnd.previous.id if rnd.previous else None,
        "sources": [records.source(s) for s in rnd.sources],
        "milestones": [records.milestone(m) for m in rnd.milestones],
        "benchmark_regions": records.ids(rnd.benchmark_regions),
        "programme": pi.programme.title if pi else None,
        "programme_events": [records.milestone(m) for m in events],
        "phases": phases,
        "provenance": records.provenance(rnd.provenance),
        "figures": round_stats(ri, phases),
        **round_progress(index, name),
        "chapters": [
            {
                **records.chapter(c),
                "tasks": [records.task(ri, t) for t in c.tasks],
            }
            for c in rnd.chapters
        ],
        "indicator_systems": [records.system(ri, s) for s in rnd.systems],
        "handbook": {
            "title": rnd.handbook_title,
            "parts": [records.part(ri, p) for p in rnd.parts],
        },
        "places": places,
        "units": {
            uid: records.unit(registry.units[uid]) for uid in used_units if uid in registry.units
        },
    }
    return json.dumps(data, ensure_ascii=False, indent=2) + "\n"
