/// Rows of a tensor's values that a slice of leading rows (`X[i:i+128]`, `X[i]`) reads in place
/// instead of copying them.
///
/// A slice must behave exactly as a copy: writing into it never changes the source, and writing
/// into the source never changes it. So a window shares the source's array only while both stay
/// unchanged: before the source's values are written or freed, every window still in use takes
/// its own copy of its rows (``TensorStorage/releaseWindows()``), and a slice about to be written,
/// or read as a whole array, copies its rows into itself first. Until then no value is copied.
final class RowWindow {
    /// The rows, sharing the source's array until ``detach()``.
    @exclusivity(unchecked) private(set) var rows: ArraySlice<Double>

    init(_ rows: ArraySlice<Double>) {
        self.rows = rows
    }

    /// Gives the window its own copy of its rows, so the source's array can change or go.
    func detach() {
        rows = ArraySlice(Array(rows))
    }
}

/// Where a tensor's values live when they are not its own array: a home shared with the tensors
/// ``Tensor/detached()`` made, or the window of a slice on another tensor's rows.
enum ValuesHome {
    case shared(TensorStorage)
    case window(RowWindow)
}

/// What an op reads of a tensor without copying: its own array, or the rows a slice shares.
enum ReadableValues {
    case array([Double])
    case window(RowWindow)
}

extension TensorStorage {
    /// A window on `range` of the values, registered so that a write or the end of the values
    /// detaches it first. Windows no slice uses any more are dropped here.
    func window(_ range: Range<Int>) -> RowWindow {
        var index = 0
        while index < windows.count {
            if isKnownUniquelyReferenced(&windows[index]) {
                windows.swapAt(index, windows.count &- 1)
                windows.removeLast()
            } else {
                index &+= 1
            }
        }
        let window = RowWindow(values[range])
        windows.append(window)
        return window
    }

    /// Detaches every window still in use (a slice or a backward rule holds it); called before the
    /// values are written or freed, so no slice ever sees the change and the array is written in place.
    @inline(__always)
    func releaseWindows() {
        guard !windows.isEmpty else { return }
        for index in windows.indices where !isKnownUniquelyReferenced(&windows[index]) {
            windows[index].detach()
        }
        windows.removeAll()
    }
}

extension Tensor {
    /// Fewer values than this are copied by a row slice: sharing them would cost more than the copy.
    static let rowWindowMinimum = 512
}
