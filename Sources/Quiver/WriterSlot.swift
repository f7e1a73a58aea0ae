// The single slot writers take turns in. A semaphore rather than a mutex because a transaction
// may take it in one call and give it back in another, possibly on another thread.
import Dispatch

/// Lets one writer at a time in.
final class WriterSlot: Sendable {
  private let semaphore = DispatchSemaphore(value: 1)

  func acquire() { semaphore.wait() }
  func release() { semaphore.signal() }
}
