// FastRP node embeddings (Chen et al. 2019, as GDS computes them): each node starts from a sparse
// random vector (entries ±√3 with probability 1/6 each, else 0, drawn from the seed and the node's
// store id, so a node's vector does not depend on the projection's order), then each iteration
// averages the previous vectors over the node's neighbours and scales the result to unit length;
// the embedding is the sum of the iterations weighted by `iterationWeights`, plus the start
// vector weighted by `nodeSelfInfluence`. Structurally equivalent nodes (same neighbours) get the
// same embedding from the first iteration on.
//
// The vectors live in one Float matrix (single precision, as GDS keeps them) stored by column
// blocks of 16 (a cache line): block b holds entries 16b..<16b+16 of every node's vector. An
// iteration is a sparse matrix product over the neighbour sets, one block at a time, so that the
// rows it gathers from (n × 64 bytes) stay in the shared cache instead of streaming the whole
// matrix for every neighbour; each block's nodes are split over the cores. A node's entries are
// the sums of its neighbours' entries in ascending neighbour order, and a node's vector depends
// only on the previous matrix, so the result does not depend on the number of cores.

/// Fast random projection embeddings.
package enum FastRP {
  /// Entries per column block: 16 Floats, one cache line.
  static let block = 16
  typealias Lane = SIMD16<Float>

  /// A `dimension`-long embedding per node, by dense index, over the undirected neighbours of
  /// `s`. Deterministic for a seed.
  /// - Complexity: O(iterations × (n + m) × dimension).
  package static func run(
    _ s: NeighbourSets, nodeIDs: ContiguousArray<Int64>, dimension: Int, iterationWeights: [Double], nodeSelfInfluence: Double,
    seed: UInt64, stop: StopCheck = .never
  ) -> [[Double]] {
    let n = s.offsets.count - 1
    guard n > 0, dimension > 0 else { return [[Double]](repeating: [], count: n) }
    let m = Matrix(nodes: n, dimension: dimension)
    let current = m.allocate()
    let next = m.allocate()
    let embedding = m.allocate()
    let norms = UnsafeMutableBufferPointer<Float>.allocate(capacity: n)
    defer {
      for p in [current, next, embedding] { p.deallocate() }
      norms.deallocate()
    }
    start(current, m, nodeIDs: nodeIDs, seed: seed)
    let selfInfluence = Float(nodeSelfInfluence)
    for i in 0..<m.size { embedding[i] = current[i] * selfInfluence }
    var (from, to) = (current, next)
    for weight in iterationWeights {
      if stop.isStopped() { break }
      propagate(s, m, from: from, to: to, norms: norms)
      swap(&from, &to)
      let w = Float(weight)
      if w != 0 { for i in 0..<m.size { embedding[i] += w * from[i] } }
    }
    return rows(embedding, m)
  }

  /// The shape of the block-major matrix: `nodes` rows of `dimension` entries padded to whole
  /// blocks (the padding stays zero).
  struct Matrix {
    let nodes: Int
    let dimension: Int
    let blocks: Int
    var size: Int { nodes * blocks * FastRP.block }

    init(nodes: Int, dimension: Int) {
      self.nodes = nodes
      self.dimension = dimension
      blocks = (dimension + FastRP.block - 1) / FastRP.block
    }

    /// The position of entry `k` of node `v`.
    func index(_ v: Int, _ k: Int) -> Int { (k / FastRP.block * nodes + v) * FastRP.block + k % FastRP.block }

    /// A zeroed matrix of this shape.
    func allocate() -> UnsafeMutableBufferPointer<Float> {
      let p = UnsafeMutableBufferPointer<Float>.allocate(capacity: size)
      p.initialize(repeating: 0)
      return p
    }
  }

  /// The sparse random start vectors: node v's entries from a generator seeded by the seed and
  /// v's node id, one draw per entry in order.
  private static func start(_ into: UnsafeMutableBufferPointer<Float>, _ m: Matrix, nodeIDs: ContiguousArray<Int64>, seed: UInt64) {
    let root = Float(3.0.squareRoot())
    _ = Parallel.map(m.nodes, minimum: 4096) { _, range in
      for v in range {
        var rng = SeededRandom(seed: seed ^ (UInt64(bitPattern: nodeIDs[v]) &* 0xD1B5_4A32_D192_ED03))
        for k in 0..<m.dimension {
          let r = rng.next() % 6
          into[m.index(v, k)] = r == 0 ? root : r == 1 ? -root : 0
        }
      }
    }
  }

  /// One iteration: each node's vector in `to` is the sum of its neighbours' vectors in `from`,
  /// scaled to unit length (zero without neighbours). Block by block, the sums and the squares
  /// of their entries (into `norms`); then every vector scaled.
  private static func propagate(
    _ s: NeighbourSets, _ m: Matrix, from: UnsafeMutableBufferPointer<Float>, to: UnsafeMutableBufferPointer<Float>,
    norms: UnsafeMutableBufferPointer<Float>
  ) {
    let n = m.nodes
    norms.update(repeating: 0)
    s.offsets.withUnsafeBufferPointer { offsets in
      s.targets.withUnsafeBufferPointer { targets in
        for b in 0..<m.blocks {
          let source = UnsafeRawPointer(from.baseAddress.unsafelyUnwrapped + b * n * block)
          let target = UnsafeMutableRawPointer(to.baseAddress.unsafelyUnwrapped + b * n * block)
          _ = Parallel.map(n, minimum: 1024) { _, range in
            for v in range {
              var sum = Lane()
              for e in offsets[v]..<offsets[v + 1] {
                sum += source.loadUnaligned(fromByteOffset: Int(targets[e]) * MemoryLayout<Lane>.stride, as: Lane.self)
              }
              target.storeBytes(of: sum, toByteOffset: v * MemoryLayout<Lane>.stride, as: Lane.self)
              norms[v] += (sum * sum).sum()
            }
          }
        }
        _ = Parallel.map(n, minimum: 1024) { _, range in
          for v in range where norms[v] > 0 {
            let scale = 1 / norms[v].squareRoot()
            for b in 0..<m.blocks {
              let row = to.baseAddress.unsafelyUnwrapped + (b * n + v) * block
              for k in 0..<block { row[k] *= scale }
            }
          }
        }
      }
    }
  }

  /// The matrix's vectors as Double arrays, one per node.
  private static func rows(_ matrix: UnsafeMutableBufferPointer<Float>, _ m: Matrix) -> [[Double]] {
    Parallel.map(m.nodes, minimum: 4096) { _, range in
      range.map { v in
        [Double](unsafeUninitializedCapacity: m.dimension) { out, count in
          for k in 0..<m.dimension { out[k] = Double(matrix[m.index(v, k)]) }
          count = m.dimension
        }
      }
    }.flatMap { $0 }
  }
}
