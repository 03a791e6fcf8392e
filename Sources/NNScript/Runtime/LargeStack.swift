import Foundation

/// Runs work on a thread with a large stack.
///
/// A tree-walking interpreter uses the native stack for every nested call of
/// the learner's program; 512 MB keeps the depth limit (a RecursionError) well
/// before the operating system's limit (a crash).
public enum LargeStack {
    public static let size = 512 << 20

    public static func run<T>(_ body: @escaping () -> T) -> T {
        let box = ResultBox<T>(body)
        let done = DispatchSemaphore(value: 0)
        let thread = Thread {
            box.value = box.body()
            done.signal()
        }
        thread.stackSize = size
        thread.start()
        done.wait()
        guard let value = box.value else { return body() }
        return value
    }

    /// Hands the work to the other thread and the result back; the semaphore orders the accesses.
    private final class ResultBox<T>: @unchecked Sendable {
        let body: () -> T
        var value: T?
        init(_ body: @escaping () -> T) { self.body = body }
    }
}
