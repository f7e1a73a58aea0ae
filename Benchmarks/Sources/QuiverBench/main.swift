// Entry point of quiver-bench: `quiver-bench WORKLOAD [options]` runs one workload and prints one
// JSON line per measurement with the median, min and max of its repetitions and the peak RSS.
import Foundation
import Quiver

let arguments = Array(CommandLine.arguments.dropFirst())
do {
  try BenchCommand(arguments).run()
} catch {
  FileHandle.standardError.write(Data("quiver-bench: \(error)\n".utf8))
  exit(2)
}
