// M1-stream: the memory a streaming result needs. Loads a social graph, then consumes
// `MATCH (n) RETURN n` through a `ResultStream` in batches, reporting the peak resident memory of
// loading and, separately, of streaming (with `--sequence`, through the `Sequence` of rows that
// `Database.stream` gives embedders; with `--collect`, through `Database.execute` instead, which
// holds every row at once: the figure to set the streamed one against).
import Foundation
import Quiver

/// `stream --data DIR [--batch N] [--sequence | --collect]`: peak resident memory of loading the
/// graph and of consuming every node of it.
struct StreamWorkload {
  /// How the rows are consumed.
  enum Mode: String {
    /// A `Session`'s `ResultStream`, in batches.
    case stream
    /// The `Sequence` of `db.stream(…).rows`, row by row.
    case sequence
    /// `Database.execute`, every row at once.
    case collect
  }

  let directory: String
  let dataset: String
  let batch: Int
  let mode: Mode

  func measure() throws {
    let db = try Database()
    try SocialDataset(directory: directory).load(into: db)
    let afterLoad = (peak: Measurement.memory("VmHWM"), current: Measurement.memory("VmRSS"))
    // The importer's peak would hide the stream's: measure the stream's from here on.
    let separated = Measurement.resetPeakMemory()
    var m = Measurement(workload: "M1-\(mode.rawValue)", dataset: dataset)
    var rows = 0
    var summary: ResultSummary?
    m.seconds = try Measurement.time(1) {
      switch mode {
      case .collect:
        rows = try db.execute("MATCH (n) RETURN n").rows.count
      case .sequence:
        let stream = try db.stream("MATCH (n) RETURN n")
        let sequence = stream.rows
        for row in sequence where !row.isEmpty { rows += 1 }
        try sequence.checkError()
        summary = stream.summary
      case .stream:
        let stream = try Session(database: db).run("MATCH (n) RETURN n")
        while stream.hasMore { rows += try stream.fetch(batch).count }
        summary = stream.summary
      }
    }
    m.extra["rows"] = rows
    m.extra["batch"] = mode == .stream ? batch : 0
    m.extra["peak_rss_after_load_bytes"] = afterLoad.peak
    m.extra["rss_after_load_bytes"] = afterLoad.current
    m.extra["peak_rss_after_stream_bytes"] = Measurement.memory("VmHWM")
    // Peak while consuming, above what was resident after loading (nil where the peak could not
    // be reset, so the figure would include loading).
    m.extra["stream_peak_above_load_bytes"] = separated ? Measurement.memory("VmHWM") - afterLoad.current : nil
    if let summary {
      m.extra["time_to_first_row_s"] = Measurement.seconds(summary.timeToFirstRow)
    }
    m.report()
  }
}
