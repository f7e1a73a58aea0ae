// Ctrl-C in the interactive shell: a SIGINT handler that only records the signal, so that a
// running statement is cancelled by the thread waiting for it and the line editor abandons
// the line, and the shell itself is never killed.
import Foundation

/// Set by the SIGINT handler; only ever written with 0 or 1.
nonisolated(unsafe) private var interruptReceived: sig_atomic_t = 0

/// The shell's SIGINT handling.
enum Interrupt {
  /// Installs the recording handler, without SA_RESTART so a blocked read returns, and
  /// unblocks SIGINT, which a parent process may have left blocked.
  static func install() {
    var action = sigaction()
    action.__sigaction_handler.sa_handler = { _ in interruptReceived = 1 }
    sigemptyset(&action.sa_mask)
    action.sa_flags = 0
    sigaction(SIGINT, &action, nil)
    var unblock = sigset_t()
    sigemptyset(&unblock)
    sigaddset(&unblock, SIGINT)
    pthread_sigmask(SIG_UNBLOCK, &unblock, nil)
  }

  /// Whether Ctrl-C was pressed since the last call; clears the record.
  static func take() -> Bool {
    let received = interruptReceived != 0
    interruptReceived = 0
    return received
  }
}
