// libedit's readline emulation is configured through exported C variables. Swift 6 refuses to
// touch imported mutable globals, so they are reached by address (dlsym) here, from the main
// thread only: while `readline` runs, libedit calls back on the thread that called it.
import Foundation

/// Reads and writes libedit's readline variables.
enum EditLineVariables {
  /// The C type of `rl_attempted_completion_function`.
  typealias CompletionHook = @convention(c) (UnsafePointer<CChar>?, Int32, Int32)
    -> UnsafeMutablePointer<UnsafeMutablePointer<CChar>?>?

  /// The address of the exported variable `name`, typed as `T`; nil when libedit lacks it.
  private static func address<T>(_ name: String, as type: T.Type) -> UnsafeMutablePointer<T>? {
    dlsym(UnsafeMutableRawPointer(bitPattern: 0), name)?.assumingMemoryBound(to: T.self)
  }

  /// Sets a `char *` / `const char *` variable to a copy of `text` (kept for the process's
  /// lifetime, as libedit keeps the pointer).
  static func setString(_ name: String, _ text: String) {
    address(name, as: UnsafeMutablePointer<CChar>?.self)?.pointee = strdup(text)
  }

  static func setInt(_ name: String, _ value: Int32) {
    address(name, as: Int32.self)?.pointee = value
  }

  static func int(_ name: String) -> Int32? {
    address(name, as: Int32.self)?.pointee
  }

  /// The current line being edited (`rl_line_buffer`).
  static var lineBuffer: String? {
    guard let buffer = address("rl_line_buffer", as: UnsafeMutablePointer<CChar>?.self)?.pointee else { return nil }
    return String(cString: buffer)
  }

  /// Installs `hook` as `rl_attempted_completion_function`.
  static func setCompletionHook(_ hook: CompletionHook) {
    address("rl_attempted_completion_function", as: CompletionHook?.self)?.pointee = hook
  }
}
