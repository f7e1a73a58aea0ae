// The runner of `algo.knn`: reads GDS's keys (nodeProperties as a name, a list of names or a map
// of name to metric; topK; similarityCutoff) and runs the typed call (Analytics+NearestNeighbours).
import GraphAlgorithms
import GraphCore

extension AlgorithmProcedure {
  func runNearestNeighbours(_ analytics: Analytics, _ config: inout AlgorithmConfig) throws -> AlgorithmOutput {
    let spec = try ProjectionSpec(&config, direction: .outgoing, weighted: false)
    var options = KNNOptions()
    options.nodeProperties = try config.namedStrings("nodeProperties")?.map { ($0.key, $0.value) } ?? []
    options.topK = try config.int("topK", default: options.topK)
    options.similarityCutoff = try config.double("similarityCutoff", default: options.similarityCutoff)
    try config.finish()
    let r = try analytics.knn(spec, options)
    return .pairs(r.projection, r.result)
  }
}
