import NNCore

extension Interpreter {
    /// Collects reference cycles when enough objects were made since the last collection, or when the
    /// program's objects and tensors are past the memory budget; then a MemoryError if they still are.
    /// Called between steps of the program, where no Swift code is in the middle of changing a list or frame.
    func collectGarbage(at location: SourceLocation) throws {
        heap.collect()
        budget.scriptBytes = heap.bytes
        let room = budget.memoryLimit &- budget.liveBytes
        heap.byteLimit = max(0, room)
        guard heap.bytes > room else { return }
        throw ScriptError(.memory,
                          "the program's objects (lists, dicts, instances and frames, about \(ResourceBudget.describe(bytes: heap.bytes))) "
                              + "took this session past its memory budget of \(ResourceBudget.describe(bytes: budget.memoryLimit)) "
                              + "(\(ResourceBudget.describe(bytes: budget.usedBytes)) in use)",
                          at: location, hint: ScriptError.memoryHint)
    }

    /// The bytes the program's objects take (lists, dicts, sets, instances, classes, functions and the
    /// frames they close over, with their arrays), as malloc counts them, measured by a collection run now.
    /// Call it between cells, never while a program runs on another thread.
    public func measureObjectBytes() -> Int {
        heap.collect()
        budget.scriptBytes = heap.bytes
        return heap.bytes
    }
}
