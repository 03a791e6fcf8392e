import NNTerminal
import Testing

@Suite struct TensorFormatterTests {
    let formatter = TensorFormatter()

    @Test func scalar() {
        #expect(formatter.format(shape: [], values: [0.6962]) == "tensor(0.6962)")
        #expect(formatter.format(shape: [], values: [3]) == "tensor(3.)")
    }

    @Test func vectorAlignsToTheWidestElement() {
        #expect(formatter.format(shape: [3], values: [0.1, -2.5, 3]) == "tensor([ 0.1000, -2.5000,  3.0000])")
    }

    @Test func matrixRowsAlignUnderTheFirstBracket() {
        let text = formatter.format(shape: [2, 2], values: [0.1, -2.5, 0, 3])
        #expect(text == """
            tensor([[ 0.1000, -2.5000],
                    [ 0.0000,  3.0000]])
            """)
    }

    @Test func rankThreeBlocksAreSeparatedByABlankLine() {
        let text = formatter.format(shape: [2, 2, 2], values: [1, 2, 3, 4, 5, 6, 7, 8])
        #expect(text == """
            tensor([[[1., 2.],
                     [3., 4.]],

                    [[5., 6.],
                     [7., 8.]]])
            """)
    }

    @Test func integersUseATrailingPoint() {
        #expect(formatter.format(shape: [3], values: [1, 0, 1]) == "tensor([1., 0., 1.])")
        #expect(formatter.format(shape: [3], values: [-1, 10, 0]) == "tensor([-1., 10.,  0.])")
        #expect(formatter.format(shape: [2], values: [0, 0]) == "tensor([0., 0.])")
    }

    @Test func scientificNotation() {
        #expect(formatter.format(shape: [2], values: [1, 1000.5]) == "tensor([1.0000e+00, 1.0005e+03])")
        #expect(formatter.format(shape: [], values: [1e-5]) == "tensor(1.0000e-05)")
        #expect(formatter.format(shape: [2], values: [2e8, -1]) == "tensor([ 2.0000e+08, -1.0000e+00])")
        // Whole numbers switch on the ratio alone.
        #expect(formatter.format(shape: [2], values: [1, 1_000_000]) == "tensor([1.0000e+00, 1.0000e+06])")
        #expect(formatter.format(shape: [2], values: [1, 1000]) == "tensor([   1., 1000.])")
    }

    @Test func nonFiniteValuesAreSpelledAndAligned() {
        #expect(formatter.format(shape: [3], values: [1, .nan, 2.5]) == "tensor([1.0000,    nan, 2.5000])")
        #expect(formatter.format(shape: [3], values: [.infinity, -.infinity, 1]) == "tensor([ inf, -inf,   1.])")
        #expect(formatter.format(shape: [2], values: [.nan, .nan]) == "tensor([nan, nan])")
        #expect(formatter.format(shape: [], values: [-.nan]) == "tensor(nan)")
    }

    @Test func negativeZeroHasNoSign() {
        #expect(formatter.format(shape: [2], values: [-0.0, 1]) == "tensor([0., 1.])")
        #expect(formatter.format(shape: [2], values: [-0.0, 0.5]) == "tensor([0.0000, 0.5000])")
        #expect(formatter.format(shape: [], values: [-0.0]) == "tensor(0.)")
    }

    @Test func summarisedVector() {
        let values = (0..<2000).map { Double($0) + 100 }
        #expect(formatter.format(shape: [2000], values: values)
            == "tensor([ 100.,  101.,  102.,  ..., 2097., 2098., 2099.])")
    }

    @Test func summarisedVectorInScientificNotationWrapsLikePyTorch() {
        // 1999 / 1 > 1000, so PyTorch switches arange(2000.) to scientific notation.
        let values = (0..<2000).map(Double.init)
        #expect(formatter.format(shape: [2000], values: values) == """
            tensor([0.0000e+00, 1.0000e+00, 2.0000e+00,  ..., 1.9970e+03, 1.9980e+03,
                    1.9990e+03])
            """)
    }

    @Test func summarisedMatrix() {
        let values = (0..<10_000).map { Double($0) + 100 }
        #expect(formatter.format(shape: [100, 100], values: values) == """
            tensor([[  100.,   101.,   102.,  ...,   197.,   198.,   199.],
                    [  200.,   201.,   202.,  ...,   297.,   298.,   299.],
                    [  300.,   301.,   302.,  ...,   397.,   398.,   399.],
                    ...,
                    [ 9800.,  9801.,  9802.,  ...,  9897.,  9898.,  9899.],
                    [ 9900.,  9901.,  9902.,  ...,  9997.,  9998.,  9999.],
                    [10000., 10001., 10002.,  ..., 10097., 10098., 10099.]])
            """)
    }

    @Test func summarisedValuesDecideTheNotation() {
        // Only the displayed corners count: the hidden 1e-9 does not force scientific.
        var values = (0..<1200).map { 0.5 + Double($0) / 1000 }
        values[600] = 1e-9
        #expect(formatter.format(shape: [1200], values: values)
            == "tensor([0.5000, 0.5010, 0.5020,  ..., 1.6970, 1.6980, 1.6990])")
    }

    @Test func longRowsWrapAtEightyColumns() {
        let text = formatter.format(shape: [30], values: (0..<30).map(Double.init))
        #expect(text == """
            tensor([ 0.,  1.,  2.,  3.,  4.,  5.,  6.,  7.,  8.,  9., 10., 11., 12., 13.,
                    14., 15., 16., 17., 18., 19., 20., 21., 22., 23., 24., 25., 26., 27.,
                    28., 29.])
            """)
    }

    @Test func requiresGradSuffix() {
        #expect(formatter.format(shape: [2], values: [0.5, 1], requiresGrad: true)
            == "tensor([0.5000, 1.0000], requires_grad=True)")
        #expect(formatter.format(shape: [], values: [2], requiresGrad: true) == "tensor(2., requires_grad=True)")
    }

    @Test func requiresGradMovesToItsOwnLineWhenTheLineIsFull() {
        let text = formatter.format(shape: [9], values: (0..<9).map { Double($0) + 0.5 }, requiresGrad: true)
        #expect(text == """
            tensor([0.5000, 1.5000, 2.5000, 3.5000, 4.5000, 5.5000, 6.5000, 7.5000, 8.5000],
                   requires_grad=True)
            """)
    }

    @Test func requiresGradFollowsAWrappedLastLine() {
        let text = formatter.format(shape: [10], values: (0..<10).map { Double($0) + 0.5 }, requiresGrad: true)
        #expect(text == """
            tensor([0.5000, 1.5000, 2.5000, 3.5000, 4.5000, 5.5000, 6.5000, 7.5000, 8.5000,
                    9.5000], requires_grad=True)
            """)
    }

    @Test func precisionIsConfigurable() {
        let two = TensorFormatter(precision: 2)
        #expect(two.format(shape: [2], values: [0.125, 1.5]) == "tensor([0.12, 1.50])")
    }

    @Test func emptyAndMalformedInputs() {
        #expect(formatter.format(shape: [0], values: []) == "tensor([])")
        #expect(formatter.format(shape: [2, 0], values: []) == "tensor([], size=(2, 0))")
        #expect(formatter.format(shape: [2, 2], values: [1]) == "tensor(<1 values do not fill shape (2, 2)>)")
        #expect(formatter.format(shape: [-1], values: []) == "tensor(<0 values do not fill shape (-1,)>)")
    }

    @Test func shortestDescriptions() {
        #expect(TensorFormatter.shortest(0.1) == "0.1")
        #expect(TensorFormatter.shortest(-2.5) == "-2.5")
        #expect(TensorFormatter.shortest(1e-5) == "1e-05")
        #expect(TensorFormatter.shortest(3) == "3.0")
        #expect(TensorFormatter.shortest(.nan) == "nan")
        #expect(TensorFormatter.shortest(.infinity) == "inf")
        #expect(TensorFormatter.shortest(-.infinity) == "-inf")
    }

    @Test func nestedLists() {
        #expect(TensorFormatter.list(shape: [2, 2], values: [0.1, -2.5, 1e-5, 3]) == "[[0.1, -2.5], [1e-05, 3.0]]")
        #expect(TensorFormatter.list(shape: [], values: [0.5]) == "0.5")
        #expect(TensorFormatter.list(shape: [3], values: [1, 2, 3]) == "[1.0, 2.0, 3.0]")
        #expect(TensorFormatter.list(shape: [2, 0], values: []) == "[[], []]")
        #expect(TensorFormatter.list(shape: [3], values: []) == "<0 values do not fill shape (3,)>")
    }
}
