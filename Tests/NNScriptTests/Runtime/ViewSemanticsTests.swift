import Testing
@testable import NNScript

/// Where NumPy and PyTorch share values between tensors, nnlearn does too, or says why not.
@Suite struct ViewSemanticsTests {
    @Test func chainedIndexAssignmentWritesThrough() {
        let source = """
        labels = [2, 0, 1]
        out = zeros(3, 3)
        for i in range(3):
            out[i][labels[i]] = 1.0
        print(out.tolist())
        cube = zeros(2, 2, 2)
        cube[1][0][1] = 7
        cube[0][1][:] = 3
        cube[1][1] += 2
        print(cube.tolist())
        """
        #expect(output(source) == "[[0.0, 0.0, 1.0], [1.0, 0.0, 0.0], [0.0, 1.0, 0.0]]\n"
            + "[[[0.0, 0.0], [3.0, 3.0]], [[0.0, 7.0], [2.0, 2.0]]]\n")
    }

    @Test func chainedAssignmentThroughAListOfTensorsAndAnAttribute() {
        let source = """
        rows = [zeros(2), zeros(2)]
        rows[1][0] = 4
        m = MLP([2, 2], seed=0)
        with no_grad():
            m.params[0][0][1] = 9
        print(rows[1].tolist(), m.params[0][0, 1].item())
        """
        #expect(output(source) == "[4.0, 0.0] 9.0\n")
    }

    @Test func chainedAssignmentIntoAParameterNeedsNoGrad() {
        let (_, error) = run("w = param(zeros(2, 2))\nw[0][1] = 1.0\n")
        #expect(error?.message.contains("no_grad") == true)
    }

    @Test func writingIntoACopyChosenByAListIsRefused() {
        let (_, error) = run("x = zeros(3, 2)\nx[[0, 1]][0] = 5\n")
        #expect(error?.kind == .index)
        #expect(error?.message == "a part chosen with a list or a mask is a copy, so assigning into it would change nothing")
        #expect(error?.hint == "put every index in one pair of brackets: x[rows, j] = value")
        #expect(error?.location?.line == 2)
    }

    @Test func aListLiteralTimesAnIntIsRefusedWithTheRule() {
        for source in ["n = 4\nz = [0.0] * n\n", "z = 3 * [1, 2]\n"] {
            let (_, error) = run(source)
            #expect(error?.kind == .type)
            #expect(error?.message.contains("a list of numbers is a tensor") == true)
            #expect(error?.hint?.contains("zeros(n)") == true)
        }
        // A tensor in a variable still scales, and a list of strings still repeats, as in Python.
        #expect(output("w = [1, 2]\nprint((w * 3).tolist(), [\"a\"] * 2, [0.5] * 2.0)\n") == "[3.0, 6.0] ['a', 'a'] tensor([1.])\n")
    }

    @Test func detachSharesValuesAndCloneCopies() {
        let source = """
        p = param([1.0, 2.0])
        shared = p.detach()
        snapshot = p.detach().clone()
        with no_grad():
            p[0] = 5.0
        print(shared.tolist(), snapshot.tolist(), shared.requires_grad)
        shared[1] = -1.0
        print(p.tolist())
        """
        #expect(output(source) == "[5.0, 2.0] [1.0, 2.0] False\n[5.0, -1.0]\n")
    }

    @Test func cloneLetsTheGradientThrough() {
        let source = """
        x = param([1.0, -2.0, 3.0])
        y = (x.clone() * x).sum()
        y.backward()
        print(x.grad.tolist())
        """
        #expect(output(source) == "[2.0, -4.0, 6.0]\n")
    }

    @Test func anOptimizerStepShowsThroughADetachedTensor() {
        let source = """
        w = param([1.0])
        opt = SGD([w], lr=0.5)
        seen, kept = w.detach(), w.detach().clone()
        (w * w).sum().backward()
        opt.step()
        print(seen.item(), kept.item())
        """
        #expect(output(source) == "0.0 1.0\n")
    }
}
