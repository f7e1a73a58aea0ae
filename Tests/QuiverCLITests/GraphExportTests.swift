// `:export` writers: the graph values of a result (nodes, relationships, paths, also inside
// lists and maps) collected once each and written as Graphviz DOT and Mermaid source.
import Quiver
import QuiverShellSupport
import Testing

@Suite("Graph export")
struct GraphExportTests {
  let alice = Node(id: 1, labels: ["Person"], properties: ["name": "Alice \"Al\""])
  let bob = Node(id: 2, labels: ["Person", "Admin"], properties: [:])
  var knows: Relationship { Relationship(id: 5, type: "KNOWS", startID: 1, endID: 2, properties: ["since": 2020]) }

  @Test("values are collected from cells, lists, maps and paths, each once")
  func collect() {
    let path = Path(nodes: [alice, bob], relationships: [knows])
    let graph = ResultGraph(rows: [
      [.node(alice), .list([.node(bob)])], [.map(["p": .path(path)]), .int(3)], [.relationship(knows), .null],
    ])
    #expect(graph.nodes.map(\.id) == [1, 2])
    #expect(graph.relationships.map(\.id) == [5])
    #expect(!graph.isEmpty)
    #expect(ResultGraph(rows: [[.int(1)]]).isEmpty)
  }

  @Test("DOT")
  func dot() {
    let graph = ResultGraph(rows: [[.node(alice), .node(bob), .relationship(knows)]])
    #expect(
      graph.render(.dot) == #"""
        digraph quiver {
          node [shape=box];
          n1 [label=":Person {name: 'Alice \"Al\"'}"];
          n2 [label=":Person:Admin"];
          n1 -> n2 [label="KNOWS {since: 2020}"];
        }

        """#)
  }

  @Test("Mermaid")
  func mermaid() {
    let graph = ResultGraph(rows: [[.node(alice), .node(bob), .relationship(knows)]])
    #expect(
      graph.render(.mermaid) == """
        flowchart LR
          n1[":Person {name: 'Alice #quot;Al#quot;'}"]
          n2[":Person:Admin"]
          n1 -->|"KNOWS {since: 2020}"| n2

        """)
  }

  @Test("a relationship alone still names its end nodes")
  func danglingRelationship() {
    let graph = ResultGraph(rows: [[.relationship(knows)]])
    #expect(graph.dot().contains("n1 -> n2"))
    #expect(graph.mermaid().contains("n1 -->|\"KNOWS {since: 2020}\"| n2"))
  }
}
