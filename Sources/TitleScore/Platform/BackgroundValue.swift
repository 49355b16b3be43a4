import Dispatch

/// A value worked out on another thread while the caller goes on; reading it waits until it is there.
final class BackgroundValue<Value: Sendable>: @unchecked Sendable {
  private var value: Value?
  private let done = DispatchGroup()

  /// Starts `work` on a global queue.
  init(_ work: @escaping @Sendable () -> Value) {
    done.enter()
    DispatchQueue.global().async {
      self.value = work()
      self.done.leave()
    }
  }

  /// A value already worked out.
  init(ready value: Value) {
    self.value = value
  }

  /// The value, once `work` has returned it.
  var result: Value {
    done.wait()
    return value!
  }
}
