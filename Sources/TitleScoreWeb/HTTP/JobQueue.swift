import Foundation

/// A first-in, first-out queue that worker threads wait on: the server's requests are answered in the order they
/// arrived, by a fixed number of threads, so a request waits behind the ones before it and no longer.
final class JobQueue<Job: Sendable>: @unchecked Sendable {
  // `@unchecked Sendable`: `jobs`, `head` and `closed` are read and written under `condition` only.
  private let condition = NSCondition()
  private var jobs: [Job] = []
  /// Where the queue's first job is in `jobs` (taken jobs are dropped in bulk, not one at a time).
  private var head = 0
  private var closed = false

  /// Adds a job at the back and wakes one waiting worker.
  func put(_ job: Job) {
    condition.lock()
    jobs.append(job)
    condition.signal()
    condition.unlock()
  }

  /// The job at the front, waiting for one; nil once the queue is closed and empty.
  func take() -> Job? {
    condition.lock()
    defer { condition.unlock() }
    while head == jobs.count && !closed { condition.wait() }
    guard head < jobs.count else { return nil }
    let job = jobs[head]
    head += 1
    if head == jobs.count {
      jobs.removeAll(keepingCapacity: true)
      head = 0
    } else if head >= 1024 {
      jobs.removeFirst(head)
      head = 0
    }
    return job
  }

  /// Lets the workers finish what is queued and then stop.
  func close() {
    condition.lock()
    closed = true
    condition.broadcast()
    condition.unlock()
  }
}
