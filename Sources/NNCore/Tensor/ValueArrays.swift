extension Array where Element == Double {
    /// An array of `count` values, every one of which `body` writes.
    ///
    /// Used instead of `init(unsafeUninitializedCapacity:initializingWith:)`, which on Linux reaches
    /// the standard library's unspecialized buffer allocation: it looks up the storage class's
    /// generic metadata on every call, some 350 instructions, more than a small op's arithmetic.
    /// Below ``zeroFillLimit`` values the array is zero-filled through a specialized path first
    /// (a few instructions per value); above it the lookup is the smaller cost.
    @inline(__always)
    init(count: Int, writing body: (UnsafeMutableBufferPointer<Double>) -> Void) {
        if count < zeroFillLimit {
            self.init(zeros: count)
            withUnsafeMutableBufferPointer { body($0) }
        } else {
            self.init(unsafeUninitializedCapacity: count) { out, initialized in
                body(out)
                initialized = count
            }
        }
    }

    /// `count` zeros. Unlike `init(repeating:count:)`, which shares the unspecialized allocation
    /// described above, this is specialized for Double and never looks the storage class up.
    @inline(__always)
    init(zeros count: Int) {
        self = Array(repeatElement(0, count: count))
    }
}

/// Below this many values, a new array is zero-filled rather than allocated uninitialized.
private let zeroFillLimit = 256
