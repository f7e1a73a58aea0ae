"""What `--scale tiny|small|large|huge` runs. Explicit flags of compare.py override any part."""

WORKLOADS = ["w1", "durable", "queries", "store", "analytics", "plan", "gql", "footprint"]

SCALES = {
    # A harness check for CI: a 1,000-person graph, every workload, twice each.
    "tiny": {"datasets": ["tiny"], "rounds": 2, "analytics_rounds": 2, "statements": 1000,
             "durable_statements": 200, "threads": 8},
    # sf10k and facebook: every workload of queries.md, exact centralities included.
    # Analytics alternate once: the exact centralities take seconds each, and cheaper algorithms
    # repeat within their process.
    "small": {"datasets": ["sf10k", "facebook"], "rounds": 3, "analytics_rounds": 1, "statements": 10000,
              "durable_statements": 1000, "threads": 8},
    # sf1m: 1M persons, 10M KNOWS; no Q7, no closeness, betweenness from 100 sampled sources.
    "large": {"datasets": ["sf1m"], "rounds": 1, "analytics_rounds": 1, "statements": 10000,
              "durable_statements": 1000, "threads": 8},
    # sf10m: 10M persons, 100M KNOWS (about 3.3 GB of CSV, generated once into /tmp): the load
    # and Q1-Q6 only, once each, to show what one 24 GB machine holds.
    "huge": {"datasets": ["sf10m"], "rounds": 1, "analytics_rounds": 1, "statements": 10000,
             "durable_statements": 1000, "threads": 8, "workloads": ["queries"]},
}
