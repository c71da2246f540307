#!/usr/bin/env python3
"""Replays revision graphs in Alembic and records its answers, so that Flotilla's graph tests can
compare against Alembic itself without Python at test time.

Usage: PYTHONHASHSEED=0 /usr/bin/python3 replay.py > ../resources/alembic/expected.json
Needs Alembic (Debian: apt-get install python3-alembic). The output is committed; rerun this script
when the graphs or the queries change.

Graphs: a set written by hand after the shapes Alembic's documentation walks through (branches, merges,
labels, depends_on across bases), plus seeded random DAGs. Queries: heads, bases, labels, identifier
resolution, upgrade and downgrade plans from reachable states to many targets, history walks, and
stamps from reachable states to single targets and pairs (with and without --purge).
An answer is a list of revision ids, or {"error": "<Alembic exception class>"}; a plan is its steps and
the version rows Alembic's HeadMaintainer leaves after them; a stamp answer is the version rows after it.
"""
import os
import json
import random
import sys
import types

import alembic
from alembic.runtime.migration import HeadMaintainer, RevisionStep
from alembic.script import ScriptDirectory
from alembic.script.revision import RevisionMap, Revision
from alembic.util import CommandError


def rev(id_, down=(), deps=(), labels=()):
    return {"id": id_, "down": list(down), "deps": list(deps), "labels": list(labels)}


HAND = {
    "linear": [rev("a1000"), rev("b2000", ["a1000"]), rev("c3000", ["b2000"]), rev("d4000", ["c3000"])],
    "diamond": [rev("a1000"), rev("b2000", ["a1000"]), rev("c3000", ["a1000"]),
                rev("d4000", ["b2000", "c3000"]), rev("e5000", ["d4000"])],
    "two_heads": [rev("a1000"), rev("b2000", ["a1000"]), rev("b2111", ["b2000"]),
                  rev("c3000", ["a1000"]), rev("c3111", ["c3000"])],
    "labelled_branches": [rev("a1000", labels=["core"]), rev("b2000", ["a1000"]),
                          rev("f1000", labels=["feature"]), rev("f2000", ["f1000"]),
                          rev("f3000", ["f2000"], deps=["b2000"])],
    "multi_base_merge": [rev("a1000"), rev("b1000"), rev("c1000"),
                         rev("m1000", ["a1000", "b1000", "c1000"]), rev("n1000", ["m1000"])],
    "deps_on_label": [rev("a1000", labels=["base_a"]), rev("a2000", ["a1000"]),
                      rev("b1000", labels=["other"]), rev("b2000", ["b1000"], deps=["base_a"]),
                      rev("b3000", ["b2000"])],
    "branch_after_merge": [rev("a1000"), rev("b1000", ["a1000"]), rev("c1000", ["a1000"]),
                           rev("m1000", ["b1000", "c1000"]), rev("x1000", ["m1000"]), rev("y1000", ["m1000"]),
                           rev("z1000", ["y1000"])],
    "spliced_label": [rev("a1000"), rev("b1000", ["a1000"]), rev("c1000", ["b1000"]),
                      rev("d1000", ["b1000"], labels=["hotfix"]), rev("e1000", ["d1000"])],
    "dep_chain": [rev("a1000"), rev("b1000", ["a1000"]), rev("x1000"), rev("y1000", ["x1000"], deps=["b1000"]),
                  rev("z1000", ["y1000"], deps=["a1000"])],
    "empty": [],
}


def random_graph(rng, n):
    ids = []
    used = set()
    revs = []
    label_no = 0
    for i in range(n):
        while True:
            rid = "%08x" % rng.getrandbits(32)
            if rid not in used and rid[:4] not in {u[:4] for u in used} or rng.random() < 0.1:
                if rid not in used:
                    break
        used.add(rid)
        down = []
        if ids and rng.random() > 0.12:
            down = [rng.choice(ids)]
            if len(ids) > 2 and rng.random() < 0.2:
                other = rng.choice(ids)
                if other not in down:
                    down.append(other)
        deps = []
        if len(ids) > 2 and rng.random() < 0.15:
            d = rng.choice(ids)
            if d not in down:
                deps = [d]
        labels = []
        if rng.random() < 0.15:
            label_no += 1
            labels = ["lbl%d" % label_no]
        revs.append(rev(rid, down, deps, labels))
        ids.append(rid)
    # a merge may name two revisions of which one is the other's ancestor; Alembic allows it but it is
    # not a shape people write, so keep the random graphs to real merges.
    return revs


class Script(Revision):
    """A revision with the empty module RevisionStep expects."""
    module = types.SimpleNamespace(upgrade=None, downgrade=None)


def build(revs):
    return RevisionMap(lambda: [Script(r["id"], tuple(r["down"]) or None,
                                       dependencies=tuple(r["deps"]) or None,
                                       branch_labels=tuple(r["labels"]) or None) for r in revs])


def answer(fn):
    try:
        return [r.revision if r is not None and not isinstance(r, str) else str(r) for r in fn()]
    except (alembic.script.revision.RevisionError, CommandError, AssertionError, KeyError) as e:
        return {"error": type(e).__name__}


class Rows(HeadMaintainer):
    """Alembic's own version-row bookkeeping, with the SQL left out."""

    def __init__(self, heads):
        self.heads = set(heads)

    def _insert_version(self, version):
        assert version not in self.heads
        self.heads.add(version)

    def _delete_version(self, version):
        self.heads.remove(version)

    def _update_version(self, from_, to_):
        assert to_ not in self.heads
        self.heads.remove(from_)
        self.heads.add(to_)


def rows_after(rm, current, revisions, is_upgrade):
    rows = Rows(current)
    for r in revisions:
        rows.update_to_step(RevisionStep(rm, r, is_upgrade))
    return sorted(rows.heads)


def plan(rm, current, target, is_upgrade):
    if is_upgrade:
        revs = list(reversed(list(rm.iterate_revisions(target, current, implicit_base=True))))
    else:
        revs = list(rm.iterate_revisions(current, target, select_for_downgrade=True))
    return {"steps": [r.revision for r in revs], "rows": rows_after(rm, current, revs, is_upgrade)}


def answer_plan(rm, current, target, is_upgrade):
    try:
        return plan(rm, current, target, is_upgrade)
    except (alembic.script.revision.RevisionError, CommandError, AssertionError, KeyError) as e:
        return {"error": type(e).__name__}


def stamp_rows(rm, current, targets):
    """What MigrationContext.stamp does: ScriptDirectory._stamp_revs, each step through HeadMaintainer.
    With --purge, MigrationContext.run_migrations deletes every row first and stamps from no rows."""
    script = ScriptDirectory(os.path.dirname(os.path.abspath(__file__)))
    script.revision_map = rm
    rows = Rows(current)
    try:
        for step in script._stamp_revs(tuple(targets), tuple(current)):
            rows.update_to_step(step)
    except (alembic.script.revision.RevisionError, CommandError, AssertionError, KeyError) as e:
        return {"error": type(e).__name__}
    return sorted(rows.heads)


def stamp_targets(revs, name):
    """Single targets of every kind, then pairs (stamping two branches at once), including a repeat."""
    ids = [r["id"] for r in revs]
    labels = [l for r in revs for l in r["labels"]]
    singles = ["heads", "head", "base", "-1"] + ids + [i[:4] for i in ids] + labels
    singles += [l + "@head" for l in labels] + [l + "@base" for l in labels]
    # a generator of its own, so that the walks drawn from the shared one stay as they were
    rng = random.Random("stamp " + name)
    pool = ids + ["heads", "base"] + [l + "@head" for l in labels]
    pairs = [rng.sample(pool, 2) for _ in range(min(10, len(pool) * (len(pool) - 1) // 2))]
    pairs += [[ids[-1], ids[-1]]] if ids else []
    return [[t] for t in singles] + pairs


def states(rm, revs):
    """Reachable database states: fresh, and after upgrading to each revision and to heads."""
    seen = [()]
    for target in [r["id"] for r in revs] + ["heads"]:
        try:
            st = tuple(plan(rm, (), target, True)["rows"])
        except Exception:
            continue
        if st not in seen:
            seen.append(st)
    return seen


def queries(revs, rng):
    ids = [r["id"] for r in revs]
    labels = [l for r in revs for l in r["labels"]]
    idents = ["heads", "head", "base", "-1", "-2"] + ids + [i[:4] for i in ids] + labels
    idents += [l + "@head" for l in labels] + [l + "@base" for l in labels] + [l + "@-1" for l in labels]
    up_targets = ["heads", "head", "+1", "+2", "+5"] + ids + [i + "+1" for i in ids] + [i + "-1" for i in ids]
    up_targets += [l + "@head" for l in labels] + [l + "@+1" for l in labels] + [l + "@heads" for l in labels]
    down_targets = ["base", "-1", "-2"] + ids + [i + "-1" for i in ids]
    down_targets += [l + "@-1" for l in labels] + [l + "@base" for l in labels]
    walks = [("base", "heads")] + [(i, "heads") for i in ids] + [("base", i) for i in ids]
    walks += [(rng.choice(ids), rng.choice(ids)) for _ in range(min(8, len(ids)))] if ids else []
    walks += [("-1", "heads"), ("-2", "heads")] + [(l + "@base", "heads") for l in labels]
    return idents, up_targets, down_targets, walks


def replay(name, revs, rng):
    rm = build(revs)
    out = {"name": name, "revisions": revs}
    try:
        out["heads"] = list(rm.heads)
        out["resolvedHeads"] = list(rm._real_heads)
        out["bases"] = list(rm.bases)
    except Exception as e:
        out["graphError"] = type(e).__name__
        return out
    out["labels"] = {r["id"]: sorted(rm.get_revision(r["id"]).branch_labels) for r in revs}
    idents, up_targets, down_targets, walks = queries(revs, rng)
    out["identifiers"] = {i: answer(lambda i=i: rm.get_revisions(i)) for i in idents}
    sts = states(rm, revs)
    out["upgrades"] = [{"current": list(s), "target": t,
                        "plan": answer_plan(rm, s, t, True)}
                       for s in sts for t in up_targets]
    out["downgrades"] = [{"current": list(s), "target": t,
                          "plan": answer_plan(rm, s, t, False)}
                         for s in sts if s for t in down_targets]
    out["walks"] = [{"base": b, "head": h,
                     "revisions": answer(lambda b=b, h=h: rm.iterate_revisions(h, b, inclusive=True,
                                                                             assert_relative_length=False))}
                    for b, h in walks]
    targets = stamp_targets(revs, name)
    out["stampTargets"] = targets
    out["purgedStamps"] = [stamp_rows(rm, (), t) for t in targets]
    # rows no upgrade leaves but a stamp of two targets can, e.g. a revision and its own descendant
    stamped = [tuple(rows) for t, rows in zip(targets, out["purgedStamps"]) if len(t) > 1 and isinstance(rows, list)]
    stamp_sts = sts + [st for st in dict.fromkeys(stamped) if st not in sts][:4]
    out["stamps"] = [{"current": list(st), "rows": [stamp_rows(rm, st, t) for t in targets]} for st in stamp_sts]
    return out


def main():
    rng = random.Random(20261125)
    cases = [replay(name, revs, rng) for name, revs in HAND.items()]
    for seed in range(40):
        g = random.Random(seed)
        cases.append(replay("random%02d" % seed, random_graph(g, g.randint(2, 14)), rng))
    json.dump({"alembic": alembic.__version__, "cases": cases}, sys.stdout, separators=(",", ":"), sort_keys=True)
    sys.stdout.write("\n")


if __name__ == "__main__":
    main()
