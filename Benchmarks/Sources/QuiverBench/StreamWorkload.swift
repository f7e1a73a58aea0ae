// M1-stream: the memory a streaming result needs. Loads a social graph, then consumes
// `MATCH (n) RETURN n` through a `ResultStream` in batches, reporting the peak resident memory of
// loading and, separately, of streaming (with `--collect`, through `Database.execute` instead,
// which holds every row at once: the figure to set the streamed one against).
import Foundation
import Quiver

/// `stream --data DIR [--batch N] [--collect]`: peak resident memory of loading the graph and
/// of consuming every node of it.
struct StreamWorkload {
  let directory: String
  let dataset: String
  let batch: Int
  let collect: Bool

  func measure() throws {
    let db = try Database()
    try SocialDataset(directory: directory).load(into: db)
    let afterLoad = (peak: Measurement.memory("VmHWM"), current: Measurement.memory("VmRSS"))
    // The importer's peak would hide the stream's: measure the stream's from here on.
    let separated = Measurement.resetPeakMemory()
    var m = Measurement(workload: collect ? "M1-collect" : "M1-stream", dataset: dataset)
    var rows = 0
    var summary: ResultSummary?
    m.seconds = try Measurement.time(1) {
      if collect {
        rows = try db.execute("MATCH (n) RETURN n").rows.count
        return
      }
      let stream = try Session(database: db).run("MATCH (n) RETURN n")
      while stream.hasMore { rows += try stream.fetch(batch).count }
      summary = stream.summary
    }
    m.extra["rows"] = rows
    m.extra["batch"] = collect ? 0 : batch
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
