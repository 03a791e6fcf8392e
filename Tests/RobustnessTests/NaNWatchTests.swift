import NNScript
import Testing

/// backward() on a nan or inf loss prints one note naming the step and the likely causes.
@Suite("NaN watch")
struct NaNWatchTests {
    static let diverging = """
        w = param([1.0])
        for step in range(6):
            loss = ((w * 10.0) ** 2).sum()
            w.zero_grad()
            loss.backward()
            with no_grad():
                w -= 1e150 * w.grad
        print(loss.item())
        """

    @Test("a diverging hand-written loop gets one note at the step the loss became inf")
    func divergingLoop() {
        let result = Interpreter().runCell(Self.diverging, file: "loop.nn")
        #expect(result.error == nil)
        let notes = result.output.components(separatedBy: "\n").filter { $0.hasPrefix("note: the loss is") }
        #expect(notes.count == 1)
        #expect(notes.first?.hasPrefix("note: the loss is inf at step 3 (call 3 of backward())") == true, "\(result.output)")
        #expect(notes.first?.contains("learning rate too high") == true)
        #expect(notes.first?.contains("log of 0") == true)
        #expect(notes.first?.contains("overflow in exp") == true)
    }

    @Test("log of 0 gives a nan-or-inf note once per interpreter, not once per cell")
    func logOfZero() {
        let interpreter = Interpreter()
        let first = interpreter.runCell("p = param([0.0])\nloss = -log(p).sum()\nloss.backward()", file: "a.nn")
        #expect(first.error == nil)
        #expect(first.output.hasPrefix("note: the loss is inf at step 1 "), "\(first.output)")
        let second = interpreter.runCell("loss = -log(p).sum()\nloss.backward()", file: "b.nn")
        #expect(second.output.contains("note: the loss is") == false, "\(second.output)")
    }

    @Test("a finite loss prints no note")
    func finiteLoss() {
        let result = Interpreter().runCell("w = param([2.0])\nloss = (w * w).sum()\nloss.backward()\nprint(w.grad)", file: "ok.nn")
        #expect(result.error == nil)
        #expect(result.output == "tensor([4.])\n")
    }

    @Test("nan reported as nan")
    func nanLoss() {
        let result = Interpreter().runCell("w = param([1.0])\nloss = (w * float('nan')).sum()\nloss.backward()", file: "n.nn")
        #expect(result.error == nil)
        #expect(result.output.hasPrefix("note: the loss is nan at step 1 "), "\(result.output)")
    }
}
