// A streamed result as a Swift `Sequence` of `Row`s: rows are pulled from the `ResultStream` as
// the loop asks for them, and leaving the loop early closes the stream, which stops the work and
// releases the graph snapshot. `Sequence` cannot throw, so an error ends the loop and is kept
// for the caller to check; `AsyncRowSequence` is the throwing form.

/// The rows of a `ResultStream`, pulled lazily as a `Sequence`.
///
/// ```swift
/// let rows = try db.stream("MATCH (p:Person) RETURN p.name AS name").rows
/// for row in rows { print(try row["name", as: String.self]) }
/// try rows.checkError()
/// ```
/// When the loop ends early (`break`, `return`, a thrown error), the iterator closes the stream:
/// the statement stops and its snapshot of the graph is released. An error computing a row ends
/// the loop; `error` then holds it and `checkError()` throws it. Iterate once, from one thread.
public final class RowSequence: Sequence {
  /// The stream the rows come from.
  public let stream: ResultStream
  /// The error that ended the iteration early, if one did.
  public private(set) var error: (any Error)?

  init(stream: ResultStream) { self.stream = stream }

  /// Throws the error that ended the iteration, if one did.
  public func checkError() throws {
    if let error { throw error }
  }

  /// Pulls the rows of the stream one at a time; closes the stream when dropped.
  public final class Iterator: IteratorProtocol {
    private let rows: RowSequence

    init(rows: RowSequence) { self.rows = rows }

    deinit { rows.stream.close() }

    /// The next row; nil at the end, after an error (kept in `RowSequence.error`) and once the
    /// stream was closed.
    public func next() -> Row? {
      guard rows.error == nil, rows.stream.hasMore else { return nil }
      do {
        return try rows.stream.next().map { Row(columns: rows.stream.columns, values: $0) }
      } catch {
        rows.error = error
        return nil
      }
    }
  }

  /// An iterator that pulls the stream's remaining rows.
  public func makeIterator() -> Iterator { Iterator(rows: self) }
}

extension ResultStream {
  /// The remaining rows as a lazily pulled `Sequence` (see `RowSequence`).
  public var rows: RowSequence { RowSequence(stream: self) }
}

extension Database {
  /// Starts one statement, in a transaction of its own, and returns the stream of its rows
  /// without reading them: a reading statement computes each row when it is pulled and holds
  /// its snapshot of the graph until the stream ends or is closed; an updating one has run and
  /// committed before this returns.
  /// - Throws: `QuiverError` for syntax and semantic errors, a missing parameter, and errors of
  ///   an updating statement; errors of a reading statement come from the stream.
  public func stream(
    _ query: String, parameters: [String: any ValueConvertible] = [:], timeout: Duration? = nil,
    cancellation: QueryCancellation? = nil
  ) throws -> ResultStream {
    try start(
      query, parameters: parameters.cypherValues, control: RunControl(timeout: timeout, cancellation: cancellation), in: self)
  }
}
