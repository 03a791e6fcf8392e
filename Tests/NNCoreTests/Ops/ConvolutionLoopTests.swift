import Testing
@testable import NNCore

/// conv2d and max_pool2d against plain loops that add in the order the ops promise, compared bit for bit:
/// the unrolled windows, the vector loops and the batch-wide products must not change a single value.
@Suite struct ConvolutionLoopTests {
    /// (batch, channels, height, width, out channels, kernel height, kernel width, stride, padding)
    static let geometries: [(Int, Int, Int, Int, Int, Int, Int, Int, Int)] = [
        (3, 1, 8, 8, 8, 3, 3, 1, 1), (2, 2, 6, 5, 3, 3, 2, 2, 1), (2, 3, 7, 9, 2, 2, 4, 1, 0),
        (1, 2, 5, 5, 4, 5, 5, 3, 2), (2, 1, 4, 11, 3, 1, 3, 2, 3),
    ]

    @Test(arguments: 0..<geometries.count)
    func conv2dAddsInOrder(_ index: Int) throws {
        let (batch, channels, height, width, outChannels, kh, kw, stride, pad) = Self.geometries[index]
        let seed = UInt64(index)
        let x = try Self.parameter([batch, channels, height, width], seed: seed)
        let w = try Self.parameter([outChannels, channels, kh, kw], seed: seed &+ 10)
        let b = try Self.parameter([outChannels], seed: seed &+ 20)
        let y = try Tensor.conv2d(x, w, bias: b, stride: stride, padding: pad)
        let (outHeight, outWidth) = ((height + 2 * pad - kh) / stride + 1, (width + 2 * pad - kw) / stride + 1)
        #expect(y.shape == [batch, outChannels, outHeight, outWidth])
        let g = try GradcheckAllOpsTests.random(y.shape, seed: seed &+ 30)
        _ = try y.backward(upstream: g)

        // The input value under window (i, j)'s entry (c, p, q), or nil in the padding.
        func input(_ n: Int, _ c: Int, _ i: Int, _ j: Int, _ p: Int, _ q: Int) -> Int? {
            let (row, column) = (i * stride + p - pad, j * stride + q - pad)
            guard row >= 0, row < height, column >= 0, column < width else { return nil }
            return ((n * channels + c) * height + row) * width + column
        }
        var out = [Double](repeating: 0, count: y.count), dx = [Double](repeating: 0, count: x.count)
        var dw = [Double](repeating: 0, count: w.count), db = [Double](repeating: 0, count: outChannels)
        let positions = outHeight * outWidth
        for n in 0..<batch {
            var term = [Double](repeating: 0, count: w.count)  // dW's term of this sample
            for o in 0..<outChannels {
                for i in 0..<outHeight {
                    for j in 0..<outWidth {
                        let at = (n * outChannels + o) * positions + i * outWidth + j
                        var sum = 0.0
                        for c in 0..<channels {
                            for p in 0..<kh {
                                for q in 0..<kw {
                                    if let source = input(n, c, i, j, p, q) { sum += x.data[source] * w.data[((o * channels + c) * kh + p) * kw + q] } else { sum += 0 * w.data[((o * channels + c) * kh + p) * kw + q] }
                                }
                            }
                        }
                        out[at] = sum + b.data[o]
                        db[o] += g.data[at]
                    }
                }
                for r in 0..<(channels * kh * kw) {
                    let (c, p, q) = (r / (kh * kw), r / kw % kh, r % kw)
                    var sum = 0.0
                    for i in 0..<outHeight {
                        for j in 0..<outWidth {
                            sum += (input(n, c, i, j, p, q).map { x.data[$0] } ?? 0) * g.data[(n * outChannels + o) * positions + i * outWidth + j]
                        }
                    }
                    term[o * channels * kh * kw + r] = sum
                }
            }
            for k in dw.indices { dw[k] += term[k] }
            // dx: each window entry's Σₒ w·g, folded back in the order (c, p, q, i, j).
            for c in 0..<channels {
                for p in 0..<kh {
                    for q in 0..<kw {
                        for i in 0..<outHeight {
                            for j in 0..<outWidth {
                                guard let source = input(n, c, i, j, p, q) else { continue }
                                var sum = 0.0
                                for o in 0..<outChannels {
                                    sum += w.data[((o * channels + c) * kh + p) * kw + q] * g.data[(n * outChannels + o) * positions + i * outWidth + j]
                                }
                                dx[source] += sum
                            }
                        }
                    }
                }
            }
        }
        #expect(Self.bits(y.data) == Self.bits(out))
        #expect(Self.bits(x.grad?.data ?? []) == Self.bits(dx))
        #expect(Self.bits(w.grad?.data ?? []) == Self.bits(dw))
        #expect(Self.bits(b.grad?.data ?? []) == Self.bits(db))
    }

    /// (planes as [N, C], height, width, kernel, stride)
    static let pools: [([Int], Int, Int, Int, Int)] = [
        ([3, 2], 8, 8, 2, 2), ([1, 3], 9, 13, 3, 1), ([2, 1], 5, 11, 2, 3), ([1, 1], 4, 4, 4, 1), ([2, 2], 6, 17, 3, 2),
    ]

    @Test(arguments: 0..<pools.count)
    func maxPoolKeepsTheFirstMaximumAndNaN(_ index: Int) throws {
        let (planes, height, width, kernel, stride) = Self.pools[index]
        let shape = planes + [height, width]
        let source = try GradcheckAllOpsTests.random(shape, seed: UInt64(index) &+ 40)
        // Rounded to few values so that windows tie, with nans and signed zeros sprinkled in.
        let values = source.data.enumerated().map { k, v -> Double in
            k % 17 == 5 ? .nan : k % 13 == 3 ? -0.0 : k % 11 == 2 ? 0.0 : (v * 2).rounded()
        }
        let x = try Tensor(values, shape: shape, requiresGrad: true)
        let y = try x.maxPool2d(kernel: kernel, stride: stride)
        let g = try GradcheckAllOpsTests.random(y.shape, seed: UInt64(index) &+ 50)
        _ = try y.backward(upstream: g)
        let (outHeight, outWidth) = ((height - kernel) / stride + 1, (width - kernel) / stride + 1)
        var out: [Double] = [], dx = [Double](repeating: 0, count: x.count)
        for plane in 0..<(planes[0] * planes[1]) {
            for i in 0..<outHeight {
                for j in 0..<outWidth {
                    var best = (plane * height + i * stride) * width + j * stride
                    for p in 0..<kernel {
                        for q in 0..<kernel {
                            let cell = (plane * height + i * stride + p) * width + j * stride + q
                            if values[cell] > values[best] || (values[cell].isNaN && !values[best].isNaN) { best = cell }
                        }
                    }
                    dx[best] += g.data[out.count]
                    out.append(values[best])
                }
            }
        }
        #expect(Self.bits(y.data) == Self.bits(out))
        #expect(Self.bits(x.grad?.data ?? []) == Self.bits(dx))
    }

    static func parameter(_ shape: [Int], seed: UInt64) throws -> Tensor {
        try Tensor(try GradcheckAllOpsTests.random(shape, seed: seed).data, shape: shape, requiresGrad: true)
    }

    static func bits(_ values: [Double]) -> [UInt64] { values.map(\.bitPattern) }
}
