/// Running the parser on a thread whose stack is large enough for any input it accepts.
import Foundation

/// Runs parsing work on a dedicated thread with a large stack, then returns its result.
///
/// The parser recurses once per nesting level and caps nesting at 200 levels. In a
/// debug build a level can take several kilobytes of stack, more than the 512 KB
/// that secondary threads get on macOS. A dedicated thread with a known, generous
/// stack makes the cap safe whichever thread (main, task, test) calls the parser.
enum DeepStack {
    /// 16 MB: reserved address space, committed only as far as the recursion goes.
    static let stackSize = 16 << 20

    static func run<T: Sendable>(_ work: @escaping @Sendable () throws(Diagnostic) -> T) throws(Diagnostic) -> T {
        let box = ResultBox<T>()
        let done = DispatchSemaphore(value: 0)
        let thread = Thread {
            box.result = Result(catching: work)
            done.signal()
        }
        thread.stackSize = stackSize
        thread.start()
        done.wait()
        guard let result = box.result else { return try work() }
        return try result.get()
    }
}

/// Carries the worker thread's result back; the semaphore orders the accesses.
private final class ResultBox<T: Sendable>: @unchecked Sendable {
    var result: Result<T, Diagnostic>?
}
