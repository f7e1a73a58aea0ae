"""Whether Quiver and a peer gave the same answer to one workload.

Counts and path lengths must be equal; sums of float costs and the average clustering equal to
1e-6 relative; the top 10 of each centrality equal within a tolerance (the scores rank by rank to
0.5% of the largest, the ids as sets except where two scores tie within that tolerance at the
tenth place). The tolerance covers PageRank, which Quiver stops after 20 power iterations while
igraph solves it exactly: on sf1m they differ by about 0.1% of the top score. Louvain is randomised: modularity must agree to 0.03, community counts are only
reported (Leiden likewise). Sampled betweenness draws different sources in each system, so it is only reported.
Maximum flow values are floats (sums of weights): equal to 1e-6 relative.
"""

import math

FLOAT_KEYS = {"cost_sum", "max_cost", "average_clustering", "flow", "similarity_sum", "first_coordinate_sum"}
REPORTED_ONLY = {"communities", "graphs", "sampled_sources"}
MODULARITY_TOLERANCE = 0.03
TOP = 10
TOP_TOLERANCE = 5e-3


def differences(quiver, peer):
    """Why the two answers disagree, as a list of strings; empty when they agree."""
    if isinstance(quiver, dict) != isinstance(peer, dict):
        return ["answers of different shapes"]
    if not isinstance(quiver, dict):
        return [] if _same_number(quiver, peer, exact=True) else ["%r != %r" % (quiver, peer)]
    if "sampled_sources" in quiver or "sampled_sources" in peer:
        return []
    out = []
    for key in sorted(set(quiver) | set(peer)):
        if key in REPORTED_ONLY:
            continue
        if key not in quiver or key not in peer:
            out.append("%s missing on one side" % key)
        elif key == "top":
            out.extend(_top_differences(quiver[key], peer[key]))
        elif key == "modularity":
            if abs(quiver[key] - peer[key]) > MODULARITY_TOLERANCE:
                out.append("modularity %.4f vs %.4f (tolerance %.2f)" % (quiver[key], peer[key], MODULARITY_TOLERANCE))
        elif not _same_number(quiver[key], peer[key], exact=key not in FLOAT_KEYS):
            out.append("%s %r vs %r" % (key, quiver[key], peer[key]))
    return out


def _same_number(a, b, exact):
    if a is None or b is None:
        return a is None and b is None
    if exact:
        return float(a) == float(b)
    return math.isclose(a, b, rel_tol=1e-6, abs_tol=1e-9)


def _top_differences(quiver, peer):
    if len(quiver) < min(TOP, len(peer)) or len(peer) < min(TOP, len(quiver)):
        return ["top lists of different lengths"]
    k = min(TOP, len(quiver))
    if k == 0:
        return []
    scale = max(abs(quiver[0][1]), abs(peer[0][1]), 1e-12)
    tolerance = TOP_TOLERANCE * scale
    out = []
    for rank in range(k):
        if abs(quiver[rank][1] - peer[rank][1]) > tolerance:
            out.append("score at rank %d: %.6g vs %.6g" % (rank + 1, quiver[rank][1], peer[rank][1]))
            break
    q_ids = {v for v, _ in quiver[:k]}
    p_ids = {v for v, _ in peer[:k]}
    last = min(quiver[k - 1][1], peer[k - 1][1])
    q_scores = dict((v, s) for v, s in quiver)
    p_scores = dict((v, s) for v, s in peer)
    for v in sorted(q_ids ^ p_ids):
        score = q_scores.get(v, p_scores.get(v))
        if abs(score - last) > tolerance:
            out.append("top %d ids differ: %s vs %s" % (k, sorted(q_ids - p_ids), sorted(p_ids - q_ids)))
            break
    return out


def summary(answer):
    """A short text for the table."""
    if not isinstance(answer, dict):
        return "-" if answer is None else str(answer)
    parts = []
    for key, value in answer.items():
        if key == "top":
            parts.append("top: " + ", ".join(str(v) for v, _ in value[:3]) + " …")
        elif isinstance(value, float):
            parts.append("%s %.4g" % (key.replace("_", " "), value))
        else:
            parts.append("%s %s" % (key.replace("_", " "), value))
    return "; ".join(parts)
