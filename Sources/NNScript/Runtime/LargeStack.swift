import Foundation

/// Runs work on a thread with a large stack, then returns its result (or throws its error).
///
/// A tree-walking interpreter uses the native stack for every nested call of
/// the learner's program; 512 MB keeps the depth limit (a RecursionError) well
/// before the operating system's limit (a crash). The parser, which caps nesting
/// at 200 levels, asks for 16 MB: more than the 512 KB that secondary threads get
/// on macOS, whichever thread (main, task, test) calls it. The stack is reserved
/// address space, committed only as far as the recursion goes.
public enum LargeStack {
    /// The interpreter's stack: 512 MB.
    public static let size = 512 << 20
    /// The parser's stack: 16 MB.
    static let parserSize = 16 << 20

    /// Runs `body` on a new thread with a stack of `size` bytes; on the calling thread if none can start.
    public static func run<T, E: Error>(size: Int = LargeStack.size, _ body: @escaping () throws(E) -> T) throws(E) -> T {
        let box = ResultBox<T, E>(body)
        let done = DispatchSemaphore(value: 0)
        let thread = Thread {
            box.result = Result(catching: box.body)
            done.signal()
        }
        thread.stackSize = size
        thread.start()
        done.wait()
        guard let result = box.result else { return try body() }
        return try result.get()
    }

    /// Hands the worker thread's result back; the semaphore orders the accesses.
    private final class ResultBox<T, E: Error>: @unchecked Sendable {
        let body: () throws(E) -> T
        var result: Result<T, E>?
        init(_ body: @escaping () throws(E) -> T) { self.body = body }
    }
}
