// `quiver-fuzz TARGET [--seconds N] [--runs N] [--seed N] [--corpus DIR] [--tck DIR]`: a seeded
// mutation fuzzer over Quiver's input surfaces (see Fuzz/README.md). It mutates and splices the
// target's seeds, runs each input in process, and reports executions per second; a crash or hang
// leaves the input in `crash-TARGET` (exit 70 or 71), an invariant break in `finding-TARGET-N`
// (exit 1 at the end). The same seed repeats the same run.
import Foundation
import GraphAlgorithms

#if canImport(Glibc)
  import Glibc
#endif

/// The command line of one run.
struct FuzzOptions {
  var target = ""
  var seconds = 60.0
  var runs = Int.max
  var seed = UInt64(0x5157_4956_4552)
  var corpus = "Fuzz/corpus"
  var tck: String? = "../shared/tck/features"
  var examples: String? = "examples"

  init(_ arguments: [String]) throws {
    var rest = arguments[...]
    while let argument = rest.popFirst() {
      switch argument {
      case "--seconds": seconds = Double(rest.popFirst() ?? "") ?? seconds
      case "--runs": runs = Int(rest.popFirst() ?? "") ?? runs
      case "--seed": seed = UInt64(rest.popFirst() ?? "") ?? seed
      case "--corpus": corpus = rest.popFirst() ?? corpus
      case "--tck": tck = rest.popFirst()
      case "--examples": examples = rest.popFirst()
      default: target = argument
      }
    }
  }
}

let usage = "usage: quiver-fuzz parser|engine|wal|snapshot|csv|bolt|http [--seconds N] [--runs N] [--seed N] [--corpus DIR] [--tck DIR]"
let options = try FuzzOptions(Array(CommandLine.arguments.dropFirst()))
let target: any FuzzTarget
switch options.target {
case "parser": target = ParserTarget()
case "engine": target = EngineTarget(tck: options.tck, examples: options.examples)
case "wal": target = LogTarget()
case "snapshot": target = SnapshotTarget()
case "csv": target = try ImportTarget()
case "bolt": target = BoltTarget()
case "http": target = try HTTPTarget()
default:
  FileHandle.standardError.write(Data((usage + "\n").utf8))
  exit(2)
}

var seeds = try target.seeds(corpus: options.corpus)
if seeds.isEmpty { seeds = [[]] }
CrashCapture.install(target: options.target, hangSeconds: 20)
var mutator = Mutator(random: SeededRandom(seed: options.seed), dictionary: target.dictionary, maxLength: target.maxLength)
var findings = 0
let started = CrashCapture.now()
let budget = UInt64(options.seconds * 1e9)

/// Runs one input and saves it when it broke something.
@MainActor func execute(_ input: [UInt8]) {
  CrashCapture.begin(input)
  let finding = target.run(input)
  CrashCapture.end()
  guard let finding else { return }
  findings += 1
  let file = "finding-\(options.target)-\(findings)"
  _ = FileManager.default.createFile(atPath: file, contents: Data(input))
  FileHandle.standardError.write(Data("quiver-fuzz: \(finding) (input in \(file))\n".utf8))
}

// Every seed once as it is (as far as the budget allows), then mutants of random seeds.
var executions = 0
for seed in seeds where executions < options.runs && CrashCapture.now() - started < budget {
  execute(seed)
  executions += 1
}
while executions < options.runs && CrashCapture.now() - started < budget {
  let base = seeds[Int.random(in: 0..<seeds.count, using: &mutator.random)]
  let other = seeds[Int.random(in: 0..<seeds.count, using: &mutator.random)]
  execute(mutator.mutate(base, splicingWith: other))
  executions += 1
}
let elapsed = Double(CrashCapture.now() - started) / 1e9
print(
  "quiver-fuzz \(options.target): \(executions) executions in \(String(format: "%.1f", elapsed)) s "
    + "(\(Int(Double(executions) / max(elapsed, 0.001)))/s) from \(seeds.count) seeds, seed \(options.seed): "
    + "\(findings) findings, no crash, no hang")
// Removes the empty crash file of a clean run.
unlink("crash-\(options.target)")
exit(findings == 0 ? 0 : 1)
