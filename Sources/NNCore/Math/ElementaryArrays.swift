internal import CKernels

/// tanh and σ over whole arrays, for the ops: on x86-64 CPUs with AVX four values at a time by the
/// CKernels functions, which repeat the scalar functions' operations in the same order, unfused, so
/// every value has the bits the scalar function gives it (ElementaryArrayTests compares them); the
/// scalar functions elsewhere.
extension Elementary {
    /// tanh of every value.
    static func tanh(_ values: [Double], path: KernelPath = .preferred) -> [Double] {
        map(values, path: path, scalar: tanh, avx: nn_avx_tanh)
    }

    /// σ of every value, as ``Activation/sigmoid(_:)``.
    static func sigmoid(_ values: [Double], path: KernelPath = .preferred) -> [Double] {
        map(values, path: path, scalar: Activation.sigmoid, avx: nn_avx_sigmoid)
    }

    @inline(__always)
    private static func map(
        _ values: [Double], path: KernelPath, scalar: (Double) -> Double,
        avx: (UnsafePointer<Double>?, UnsafeMutablePointer<Double>?, Int) -> Void
    ) -> [Double] {
        guard path == .avx else { return values.map(scalar) }
        return [Double](count: values.count) { out in
            values.withUnsafeBufferPointer { avx($0.baseAddress, out.baseAddress, values.count) }
        }
    }
}
