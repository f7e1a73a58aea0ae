"""Compares a GraphML export read by networkx with the nodes and relationships Quiver returned
as JSON (see scripts/test-exchange.sh). Exits 1 with the differences when they disagree."""
import json
import sys

import networkx as nx


def main(graphml, nodes_json, edges_json):
    graph = nx.read_graphml(graphml, force_multigraph=True)
    nodes = json.load(open(nodes_json))
    edges = json.load(open(edges_json))
    problems = []
    if graph.number_of_nodes() != len(nodes):
        problems.append(f"networkx found {graph.number_of_nodes()} nodes, Quiver has {len(nodes)}")
    if graph.number_of_edges() != len(edges):
        problems.append(f"networkx found {graph.number_of_edges()} edges, Quiver has {len(edges)}")
    for node in nodes:
        key = f"n{node['id']}"
        if key not in graph.nodes:
            problems.append(f"node {key} missing")
            continue
        expected = dict(node["properties"])
        expected["labels"] = "".join(":" + label for label in node["labels"])
        found = dict(graph.nodes[key])
        if found != expected or any(type(found[k]) is not type(v) for k, v in expected.items()):
            problems.append(f"node {key}: networkx {found!r}, Quiver {expected!r}")
    # The edge's GraphML id is its multigraph key.
    found_edges = {key: (u, v, data) for u, v, key, data in graph.edges(keys=True, data=True)}
    for edge in edges:
        key = f"e{edge['id']}"
        if key not in found_edges:
            problems.append(f"edge {key} missing")
            continue
        u, v, data = found_edges[key]
        expected = dict(edge["properties"])
        expected["label"] = edge["type"]
        mistyped = any(type(data.get(k)) is not type(v) for k, v in expected.items())
        if (u, v) != (f"n{edge['source']}", f"n{edge['target']}") or data != expected or mistyped:
            problems.append(f"edge {key}: networkx {u}->{v} {data!r}, Quiver {expected!r}")
    if problems:
        print("\n".join(problems))
        return 1
    print(f"networkx read the GraphML export: {len(nodes)} nodes and {len(edges)} edges with the same attributes")
    return 0


if __name__ == "__main__":
    sys.exit(main(*sys.argv[1:4]))
