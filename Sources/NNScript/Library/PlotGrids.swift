import NNCore
import NNTerminal

/// The grid-evaluating figures: a classifier's decision boundary and a function's contours.
extension PlotBuiltins {
    static func drawBoundary(_ args: Arguments, _ interpreter: Interpreter) throws -> Value {
        let model = args.named["model"] ?? .none
        let x = try args.tensor("X"), y = try args.tensor("y")
        let points = try labeledPoints(x, y, at: args.location)
        let resolution = Swift.min(Swift.max(try args.integer("resolution", default: 40), 4), 200)
        let xs = points.map(\.x), ys = points.map(\.y)
        guard let xLow = xs.min(), let xHigh = xs.max(), let yLow = ys.min(), let yHigh = ys.max() else {
            throw ScriptError(.value, "boundary() needs at least one point", at: args.location)
        }
        guard (xs + ys).allSatisfy(\.isFinite) else {
            throw ScriptError(.value, "boundary() needs finite coordinates, but X holds nan or inf", at: args.location)
        }
        // A margin of 5% keeps points off the frame.
        let (dx, dy) = (Swift.max(xHigh - xLow, 1e-9) * 0.05, Swift.max(yHigh - yLow, 1e-9) * 0.05)
        let xRange = (xLow - dx)...(xHigh + dx), yRange = (yLow - dy)...(yHigh + dy)
        let (columns, rowsCount) = (resolution * 3 / 2, resolution / 2)
        var grid: [Double] = []
        grid.reserveCapacity(columns * rowsCount * 2)
        for r in 0..<rowsCount {
            let gy = yRange.lowerBound + Double(r) * (yRange.upperBound - yRange.lowerBound) / Double(rowsCount - 1)
            for c in 0..<columns {
                grid += [xRange.lowerBound + Double(c) * (xRange.upperBound - xRange.lowerBound) / Double(columns - 1), gy]
            }
        }
        let input = try Tensor(grid, shape: [rowsCount * columns, 2])
        let output = try GradMode.withoutGrad {
            // A model is drawn as it predicts: in evaluation mode.
            let predict = { try Convert.tensor(try interpreter.invoke(model, [.tensor(input)], at: args.location), context: "the model's output", at: args.location) }
            if case .object(let object as ModelObject) = model { return try object.inEvaluation(predict) }
            if case .object(let instance as Instance) = model, instance.type.isModule { return try ModuleModel(instance).inEvaluation(predict) }
            return try predict()
        }
        let logits = output.rank == 2 && output.shape[1] == 1 && (output.data.contains { $0 < 0 || $0 > 1 })
        let classes = Metrics.classes(output, logits: logits)
        guard classes.count == rowsCount * columns else {
            throw ScriptError(.shape, "boundary(): the model gave \(output.shape) for \(rowsCount * columns) grid points", at: args.location)
        }
        let values = (0..<rowsCount).map { r in (0..<columns).map { Double(classes[r * columns + $0]) } }
        let chart = Heatmap(values: values, xRange: xRange, yRange: yRange, origin: .bottom, points: points,
                            classes: true, title: try optionalString(args, "title"), ascii: interpreter.asciiGraphics)
        return show(chart.render(colour: interpreter.host.colour), svg: { chart.svg() }, interpreter)
    }

    static func drawContour(_ args: Arguments, _ interpreter: Interpreter) throws -> Value {
        let function = args.named["f"] ?? .none
        let xRange = try range(args, "xrange") ?? (-2)...2, yRange = try range(args, "yrange") ?? (-1)...3
        let resolution = Swift.min(Swift.max(try args.integer("resolution", default: 40), 4), 200)
        let (columns, rowsCount) = (resolution * 3 / 2, resolution / 2)
        var values: [[Double]] = []
        for r in 0..<rowsCount {
            let gy = yRange.lowerBound + Double(r) * (yRange.upperBound - yRange.lowerBound) / Double(rowsCount - 1)
            var row: [Double] = []
            for c in 0..<columns {
                let gx = xRange.lowerBound + Double(c) * (xRange.upperBound - xRange.lowerBound) / Double(columns - 1)
                let value = try GradMode.withoutGrad { try interpreter.invoke(function, [.number(gx), .number(gy)], at: args.location) }
                guard let number = Convert.number(value) else {
                    throw ScriptError(.type, "contour(): f(x, y) must return a number, got \(value.typeName)", at: args.location)
                }
                row.append(number)
            }
            values.append(row)
        }
        var trajectories: [Trajectory] = []
        if let paths = args.value("paths") {
            try interpreter.iterate(paths, at: args.location) { pair in
                guard let parts = Convert.sequence(pair), parts.count == 2, case .string(let name) = parts[0] else {
                    throw ScriptError(.type, "paths must be a list of (name, points) pairs", at: args.location)
                }
                let points = try Convert.tensor(parts[1], context: "the points of path '\(name)'", at: args.location)
                guard points.rank == 2, points.shape[1] == 2 else {
                    throw ScriptError(.shape, "the points of path '\(name)' must have shape [n, 2], got \(points.shape)", at: args.location)
                }
                trajectories.append(Trajectory(name, points: (0..<points.shape[0]).map { (points.data[2 * $0], points.data[2 * $0 + 1]) }))
                return true
            }
        }
        let chart = ContourPlot(values: values, xRange: xRange, yRange: yRange, trajectories: trajectories,
                                levels: try args.integer("levels", default: 8), logScale: try args.bool("log", default: true),
                                title: try optionalString(args, "title"), ascii: interpreter.asciiGraphics)
        return show(chart.render(colour: interpreter.host.colour), svg: { chart.svg() }, interpreter)
    }
}
