// Consistency checks of the store, run by tests after mutations: adjacency lists agree with the
// relationship table, the relationship and node property columns are consistent, and the label
// index agrees with node labels.

import GraphCore

extension GraphStore {
  /// Descriptions of every broken invariant; empty when the store is consistent.
  package func invariantViolations() -> [String] {
    var problems: [String] = []
    var liveNodes = 0
    for i in 0..<nodeIDLimit {
      let id = Int64(i)
      guard let n = node(id) else { continue }
      liveNodes += 1
      for outgoing in [true, false] {
        let entries = adjacent(to: id, direction: outgoing ? .outgoing : .incoming, typeIDs: nil)
        let side = outgoing ? "outgoing" : "incoming"
        for e in entries {
          let r = relationship(e.id)
          if (outgoing ? r?.start : r?.end) != id || (outgoing ? r?.end : r?.start) != e.neighbour {
            problems.append("node \(id) lists \(side) relationship \(e.id) to \(e.neighbour) that does not run from there to there")
          }
        }
        // Types ascend, and within a type relationships come in creation (id) order.
        let keys = entries.map { (type: relationship($0.id)?.type ?? -1, id: $0.id) }
        if zip(keys, keys.dropFirst()).contains(where: { ($0.type, $0.id) >= ($1.type, $1.id) }) {
          problems.append("node \(id) lists its \(side) relationships out of (type, id) order")
        }
        if entries.count != entryCount(of: id, outgoing: outgoing) {
          problems.append("node \(id) counts \(entryCount(of: id, outgoing: outgoing)) \(side) relationships but lists \(entries.count)")
        }
      }
      for l in n.labels where !nodeIDs(withLabel: labelName(l)).contains(id) {
        problems.append("node \(id) has label \(labelName(l)) but the label index misses it")
      }
    }
    if liveNodes != nodeCount { problems.append("node count \(nodeCount) but \(liveNodes) live nodes") }
    if allNodeIDs().count != nodeCount { problems.append("live-node index disagrees with the node table") }
    var liveRels = 0
    for i in 0..<relationshipIDLimit {
      let id = Int64(i)
      guard let r = relationship(id) else { continue }
      liveRels += 1
      if !adjacent(to: r.start, direction: .outgoing, typeIDs: [r.type]).contains(AdjacentRelationship(id: id, neighbour: r.end)) {
        problems.append("relationship \(id) missing from its start node's adjacency")
      }
      if !adjacent(to: r.end, direction: .incoming, typeIDs: [r.type]).contains(AdjacentRelationship(id: id, neighbour: r.start)) {
        problems.append("relationship \(id) missing from its end node's adjacency")
      }
    }
    let delta = (0..<nodeIDLimit).reduce(0) { $0 + nodes[$1].outgoing.count }
    if delta != tables.deltaCount { problems.append("the delta lists hold \(delta) relationships but count \(tables.deltaCount)") }
    if tables.unlinked != 0 { problems.append("\(tables.unlinked) relationships wait for compactAdjacency() to file them") }
    if liveRels != relationshipCount {
      problems.append("relationship count \(relationshipCount) but \(liveRels) live relationships")
    }
    problems += relationships.violations()
    problems += nodePropertyViolations()
    for (type, count) in typeCount where relationships.liveCount(ofType: type) != count {
      problems.append("type \(typeName(type)) counts \(count) relationships but \(relationships.liveCount(ofType: type)) are live")
    }
    // The label bitmaps must list exactly the live nodes whose records carry each label.
    for l in labelIndex.indices {
      let listed = labelIndex[l].members
      let carrying = allNodeIDs().filter { node($0)?.labels.contains(LabelID(l)) == true }
      if listed != carrying {
        problems.append("label index of \(labelNames[l]) lists \(listed.count) nodes but \(carrying.count) carry it")
      }
    }
    problems += indexViolations()
    return problems
  }

  /// Each index holds exactly the entries its definition implies for the stored data.
  private func indexViolations() -> [String] {
    var problems: [String] = []
    for def in indexDefinitions {
      var expected: [(key: [Value], id: Int64)] = []
      let candidates = def.entity == .node ? nodeIDs(withLabel: def.label) : allRelationshipIDs()
      for id in candidates {
        let props: [String: Value]?
        if def.entity == .node {
          props = nodeProperties(id)
        } else {
          props = relationship(id).flatMap { typeName($0.type) == def.label ? dictionary($0.properties) : nil }
        }
        guard let props else { continue }
        let key = def.properties.compactMap { props[$0] }
        if key.count == def.properties.count { expected.append((key, id)) }
      }
      expected.sort { IndexEntry.compare(IndexEntry(key: $0.key, id: $0.id), IndexEntry(key: $1.key, id: $1.id)) < 0 }
      let actual = indexTrees[def.name]?.entries ?? []
      let same = actual.count == expected.count
        && zip(actual, expected).allSatisfy { $0.id == $1.id && IndexEntry.compareKeys($0.key, $1.key) == 0 }
      if !same { problems.append("index \(def.name) has \(actual.count) entries but the data implies \(expected.count)") }
      let tree = indexTrees[def.name]
      if let tree, tree.distinctKeys != tree.countedDistinctKeys {
        problems.append("index \(def.name) keeps \(tree.distinctKeys) distinct keys but holds \(tree.countedDistinctKeys)")
      }
      for e in expected where !(tree?.ids(equalTo: e.key).contains(e.id) ?? false) {
        problems.append("equality look-up in index \(def.name) misses entity \(e.id)")
      }
    }
    return problems
  }
}
