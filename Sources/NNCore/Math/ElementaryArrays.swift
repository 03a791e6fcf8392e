internal import CKernels

/// tanh, σ and eˣ over whole arrays, for the ops: on x86-64 CPUs with AVX four values at a time by the
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

    /// eˣ of every value; four at a time when every value is ≤ 0 or nan (log-probabilities, logits
    /// less their maximum), which is all the vector code covers.
    static func exp(_ values: [Double], path: KernelPath = .preferred) -> [Double] {
        let nonpositive = values.withUnsafeBufferPointer { values in
            var positive = false
            for value in values { positive = positive || value > 0 }
            return !positive
        }
        return map(values, path: nonpositive ? path : .baseline, scalar: exp, avx: nn_avx_exp_nonpositive)
    }

    @inline(__always)
    private static func map(
        _ values: [Double], path: KernelPath, scalar: (Double) -> Double,
        avx: (UnsafePointer<Double>?, UnsafeMutablePointer<Double>?, Int) -> Void
    ) -> [Double] {
        guard path == .avx else {
            return [Double](count: values.count) { out in
                values.withUnsafeBufferPointer { values in
                    for i in 0..<values.count { out[i] = scalar(values[i]) }
                }
            }
        }
        return [Double](count: values.count) { out in
            values.withUnsafeBufferPointer { avx($0.baseAddress, out.baseAddress, values.count) }
        }
    }
}
