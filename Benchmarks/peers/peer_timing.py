"""The timing rule every peer follows, as quiver-bench does: run a workload up to `repetitions`
times, stopping once the runs add up to a second, and report the median."""

import json
import time


def repeated(repetitions, body):
    """Times body() by the rule. Returns (median seconds, all times, the last run's result)."""
    times, result = [], None
    while len(times) < max(1, repetitions) and sum(times) < 1:
        start = time.perf_counter()
        result = body()
        times.append(time.perf_counter() - start)
    return sorted(times)[len(times) // 2], times, result


def timed(system, name, dataset, compute, answer, repetitions=5):
    """Times `compute` by the rule and prints its JSON line with the answer made from the last
    run's result."""
    median, times, result = repeated(repetitions, compute)
    print(json.dumps({"system": system, "workload": name, "dataset": dataset, "median_s": median,
                      "repetitions": len(times), "answer": answer(result)}), flush=True)


def top(scores):
    """The 20 highest scores as [index, score] pairs, ties by index."""
    order = sorted(range(len(scores)), key=lambda v: (-scores[v], v))
    return {"top": [[v, scores[v]] for v in order[:20]]}
