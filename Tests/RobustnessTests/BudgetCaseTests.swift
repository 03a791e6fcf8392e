import Foundation
import NNCore
import NNScript
import Testing

/// The memory budget, time limits and Ctrl-C hold inside long builtins, not only between statements.
@Suite("Memory budget and limits inside builtins")
struct BudgetCaseTests {
    /// A session with a 64 MB budget and no step budget (the memory runs out first).
    static func session() -> Interpreter {
        Survival.session(steps: nil, memory: 64 << 20)
    }

    @Test("building past the budget is a MemoryError naming what was built; the session survives", arguments: LimitCases.memory)
    func memory(_ input: BadInput) {
        let interpreter = Self.session()
        let outcome = Survival.run(input.source, in: interpreter)
        guard let error = outcome.result.error else {
            Issue.record("no error; printed \(outcome.result.output.prefix(200))")
            return
        }
        #expect(error.kind == input.kind, "\(error)")
        #expect(error.description.contains(input.expected), "\(error.description.prefix(300))")
        #expect(outcome.result.output.hasPrefix("bad.nn:\(error.location?.line ?? 0):"))
        #expect(outcome.after == "42\n")
    }

    @Test func freedTensorsReturnTheirMemory() {
        let interpreter = Self.session()
        let source = "for i in range(50):\n    x = ones(1000, 1000) * 2\nprint(x.sum().item())"
        let result = interpreter.runCell(source, file: "ok.nn")
        #expect(result.error == nil, "\(result.output)")
        #expect(result.output == "2000000.0\n")
        _ = interpreter.runCell("x = None", file: "ok.nn")
        #expect(interpreter.budget.liveBytes < 1 << 20)
    }

    @Test func aTimeLimitStopsAMatrixProductInsideTheKernel() {
        let interpreter = Survival.session(steps: nil, time: 0.5)
        let start = Date()
        // Eight products of 1000×1000 take tens of seconds in a debug build; the limit stops the first one.
        let result = interpreter.runCell("a = ones(1000, 1000)\nb = a @ a @ a @ a @ a @ a @ a @ a", file: "slow.nn")
        let elapsed = Date().timeIntervalSince(start)
        #expect(result.error?.kind == .limit, "\(result.output)")
        #expect(result.error?.message.contains("ran longer than 0.5 seconds") == true)
        #expect(result.error?.location?.line == 2)
        #expect(elapsed < 8, "stopped after \(elapsed) s")
    }

    @Test func ctrlCStopsAMatrixProductAndItsBackwardInsideTheKernel() {
        let request = InterruptRequest()
        let interpreter = Survival.session(steps: nil, time: nil, interrupt: request)
        for source in ["a = ones(1000, 1000)\nb = a @ a @ a @ a @ a @ a @ a @ a",
                       "w = param(ones(700, 700))\nl = (w @ w @ w @ w @ w @ w).sum()\nl.backward()"] {
            let stopper = Thread {
                Thread.sleep(forTimeInterval: 0.4)
                request.request()
            }
            let start = Date()
            stopper.start()
            let result = interpreter.runCell(source, file: "slow.nn")
            let elapsed = Date().timeIntervalSince(start)
            #expect(result.error?.kind == .interrupted, "\(result.output)")
            #expect(elapsed < 8, "stopped after \(elapsed) s")
            request.clear()
        }
        #expect(interpreter.runCell("print(keep + 1)", file: "after.nn").output == "42\n")
    }

    @Test func sizesParseAndPrint() {
        #expect(ResourceBudget.bytes(parsing: "2G") == 2 << 30)
        #expect(ResourceBudget.bytes(parsing: "512M") == 512 << 20)
        #expect(ResourceBudget.bytes(parsing: "1.5GB") == 3 << 29)
        #expect(ResourceBudget.bytes(parsing: "1000") == 1000)
        #expect(ResourceBudget.bytes(parsing: "0") == nil)
        #expect(ResourceBudget.bytes(parsing: "-1G") == nil)
        #expect(ResourceBudget.bytes(parsing: "lots") == nil)
        #expect(ResourceBudget.bytes(parsing: "99999999T") == nil)
        #expect(ResourceBudget.describe(bytes: 2 << 30) == "2 GB")
        #expect(ResourceBudget.describe(bytes: 3 << 29) == "1.5 GB")
        #expect(ResourceBudget.describe(bytes: 64 << 20) == "64 MB")
    }
}
