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

    /// Runs `body` on a new thread with a stack of `size` bytes; on the calling thread if none can start,
    /// or if the calling thread is one of these with at least twice the room (the parser inside a cell).
    public static func run<T, E: Error>(size: Int = LargeStack.size, _ body: @escaping () throws(E) -> T) throws(E) -> T {
        if size * 2 <= currentRoom { return try body() }
        let box = ResultBox<T, E>(body)
        let done = DispatchSemaphore(value: 0)
        let thread = Thread {
            currentRoom = size
            box.result = Result(catching: box.body)
            done.signal()
        }
        thread.stackSize = size
        thread.start()
        done.wait()
        guard let result = box.result else { return try body() }
        return try result.get()
    }

    /// The stack size of this thread when one of these started it, else 0. A thread-specific value rather than
    /// `Thread.current.threadDictionary`, whose bridged dictionary and casts cost a tenth of `nnlearn run`'s start-up.
    private static var currentRoom: Int {
        get { Int(bitPattern: pthread_getspecific(roomKey)) }
        set { pthread_setspecific(roomKey, UnsafeRawPointer(bitPattern: newValue)) }
    }

    private static let roomKey: pthread_key_t = {
        var key = pthread_key_t()
        pthread_key_create(&key, nil)
        return key
    }()

    /// A thread with a large stack that runs jobs in order, for a front end that runs cell after cell
    /// (the notebook kernel): the cells run on it without starting a thread each. The thread lives as long
    /// as the process.
    public final class Worker: @unchecked Sendable {
        private let lock = NSLock()
        private var jobs: [() -> Void] = []
        private let waiting = DispatchSemaphore(value: 0)

        /// Starts the thread, with twice ``LargeStack/size`` so that ``LargeStack/run(size:_:)`` runs inline on it.
        public init(size: Int = LargeStack.size * 2) {
            let thread = Thread { [self] in
                LargeStack.currentRoom = size
                while true {
                    waiting.wait()
                    guard let job = lock.withLock({ jobs.isEmpty ? nil : jobs.removeFirst() }) else { continue }
                    job()
                }
            }
            thread.stackSize = size
            thread.start()
        }

        /// Runs `job` after the jobs handed over before it.
        public func async(_ job: @escaping () -> Void) {
            lock.withLock { jobs.append(job) }
            waiting.signal()
        }
    }

    /// Hands the worker thread's result back; the semaphore orders the accesses.
    private final class ResultBox<T, E: Error>: @unchecked Sendable {
        let body: () throws(E) -> T
        var result: Result<T, E>?
        init(_ body: @escaping () throws(E) -> T) { self.body = body }
    }
}
