import NNCore
import NNTerminal

/// Terminal graphics: line plots, scatter plots, heatmaps, decision boundaries, contours, images, tables.
/// Each prints its figure; `savefig` writes the last one as SVG.
enum PlotBuiltins {
    static let all: [Builtin] = [
        Builtin("plot", Signature("*series, labels=, title=, x=, logy=, width=, height=, xlabel=, ylabel="), doc: """
            plot(*series, labels=None, title=None, x=None, logy=False): a line chart of one or more series
            (lists, tensors or a fit history's h.loss), with axes, ticks and a legend. plot(x, y) draws y
            against x, as matplotlib does; several series share x=..., and two labels make two series.
            """) { args, interpreter in
            var names = try stringList(args, "labels")
            var series: [PlotSeries] = []
            var x = try args.value("x").map { try numbers($0, interpreter, at: args.location) }
            var values = args.rest
            // matplotlib's plot(x, y): two vectors of one length, no x=, at most one label.
            if x == nil, values.count == 2, names.count < 2, values.allSatisfy({ if case .tensor(let t) = $0 { t.rank <= 1 } else { true } }) {
                let (first, second) = (try numbers(values[0], interpreter, at: args.location), try numbers(values[1], interpreter, at: args.location))
                if first.count == second.count {
                    x = first
                    values = [values[1]]
                }
            }
            for (index, value) in values.enumerated() {
                let y = try numbers(value, interpreter, at: args.location)
                series.append(PlotSeries(index < names.count ? names[index] : (values.count > 1 ? "series \(index + 1)" : ""), y: y, x: x))
            }
            guard !series.isEmpty else { throw ScriptError(.type, "plot() needs at least one series", at: args.location) }
            names = []
            let chart = LinePlot(series: series, title: try optionalString(args, "title"), xLabel: try optionalString(args, "xlabel"),
                                 yLabel: try optionalString(args, "ylabel"), width: try args.integer("width", default: 60),
                                 height: try args.integer("height", default: 15), logY: try args.bool("logy", default: false),
                                 ascii: interpreter.asciiGraphics || (series.count > 1 && !interpreter.host.colour.isEnabled))
            return show(chart.render(colour: interpreter.host.colour), svg: { chart.svg() }, interpreter)
        },
        Builtin("scatter", Signature("X, y=, title=, width=, height="), doc: "scatter(X, y=None, title=None): the rows of X ([n, 2]) as points, marked by class y.") { args, interpreter in
            let points = try labeledPoints(try args.tensor("X"), args.has("y") ? try args.tensor("y") : nil, at: args.location)
            let chart = ScatterPlot(points: points, title: try optionalString(args, "title"), width: try args.integer("width", default: 60),
                                    height: try args.integer("height", default: 15), ascii: interpreter.asciiGraphics)
            return show(chart.render(colour: interpreter.host.colour), svg: { chart.svg() }, interpreter)
        },
        Builtin("heatmap", Signature("values, title=, xrange=, yrange="), doc: "heatmap(matrix, title=None): each value as a shade, with a legend of value ranges; row 0 at the top.") { args, interpreter in
            let matrix = try args.tensor("values")
            guard matrix.rank == 2 else { throw ScriptError(.shape, "heatmap() needs a matrix, got shape \(matrix.shape)", at: args.location) }
            let chart = Heatmap(values: rows(matrix), xRange: try range(args, "xrange"), yRange: try range(args, "yrange"), origin: .top,
                                title: try optionalString(args, "title"), ascii: interpreter.asciiGraphics)
            return show(chart.render(colour: interpreter.host.colour), svg: { chart.svg() }, interpreter)
        },
        Builtin("boundary", Signature("model, X, y, resolution=, title="), doc: """
            boundary(model, X, y, resolution=40, title=None): the classifier's decision regions over the data's range,
            with the points of X drawn on top, marked by class y.
            """) { args, interpreter in
            try drawBoundary(args, interpreter)
        },
        Builtin("contour", Signature("f, xrange=, yrange=, paths=, levels=, log=, resolution=, title="), doc: """
            contour(f, xrange=(-2, 2), yrange=(-1, 3), paths=None, levels=8, log=True): the level sets of f(x, y) as shades,
            with optimizer paths drawn on top: paths=[("sgd", points), ...], points a list of [x, y] or an [n, 2] tensor.
            """) { args, interpreter in
            try drawContour(args, interpreter)
        },
        Builtin("image", Signature("pixels, height=, width=, captions="), doc: """
            image(pixels, height=8, width=8, captions=None): grayscale images drawn with shades; a matrix of rows draws
            one image per row, side by side, each with its caption. A batch [N, H, W] or [N, C, H, W] (digits, filters,
            feature maps) is drawn as a grid of N (or N·C) tiles of its own size, titled by their index unless captions are given.
            """) { args, interpreter in
            let data = try args.tensor("pixels")
            let batch = data.rank >= 3
            guard data.rank <= 4 else {
                throw ScriptError(.shape, "image() draws a batch [N, H, W] or [N, C, H, W] at most, got shape \(data.shape)", at: args.location)
            }
            let (h, w) = batch ? (data.shape[data.rank - 2], data.shape[data.rank - 1])
                : (try args.integer("height", default: 8), try args.integer("width", default: 8))
            let givenHeight = args.has("height") ? try args.integer("height") : h, givenWidth = args.has("width") ? try args.integer("width") : w
            if batch, givenHeight != h || givenWidth != w {
                throw ScriptError(.shape, "image(): a batch of shape \(data.shape) has tiles of \(h)×\(w); leave out height and width", at: args.location)
            }
            // height·width is checked for overflow first: a learner's sizes may be any whole numbers.
            let (area, overflow) = h.multipliedReportingOverflow(by: w)
            guard h > 0, w > 0, !overflow, data.count % area == 0 else {
                throw ScriptError(.shape, "image(): \(data.count) values do not make images of \(h)×\(w)", at: args.location)
            }
            let captions = try stringList(args, "captions")
            let count = data.count / (h * w)
            let channels = data.rank == 4 ? data.shape[1] : 1
            func title(_ i: Int) -> String {
                if i < captions.count { return captions[i] }
                guard batch, captions.isEmpty else { return "" }
                return channels > 1 ? "\(i / channels),\(i % channels)" : "\(i)"
            }
            let images = (0..<count).map { i in
                GrayImage(pixels: Array(data.data[(i * h * w)..<((i + 1) * h * w)]), height: h, width: w, caption: title(i))
            }
            // nan and inf pixels are drawn blank; the shade range comes from the finite ones.
            let finite = data.data.filter(\.isFinite)
            let low = finite.min() ?? 0, high = finite.max() ?? 1
            let range = low...Swift.max(high, low + 1e-12)
            let text = images.count == 1 ? ImageRender.render(images[0], range: range, ascii: interpreter.asciiGraphics)
                : ImageRender.grid(images, range: range, ascii: interpreter.asciiGraphics)
            return show(text, svg: { ImageRender.svg(images, range: range) }, interpreter)
        },
        Builtin("table", Signature("rows, headers="), doc: "table(rows, headers=None): a table of rows (lists or tuples); numbers right-aligned.") { args, interpreter in
            var body: [[String]] = []
            try interpreter.iterate(args.named["rows"] ?? .none, at: args.location) { row in
                var cells: [String] = []
                try interpreter.iterate(row, at: args.location) { cells.append(cellText($0, interpreter)); return true }
                body.append(cells); return true
            }
            let table = Table(headers: try stringList(args, "headers"), rows: body)
            interpreter.showTable(table.render(ascii: interpreter.asciiGraphics, colour: interpreter.host.colour), html: table.html)
            return .none
        },
        Builtin("savefig", Signature("path"), doc: "savefig(\"name.svg\"): writes the last figure drawn as an SVG file in the current folder.") { args, interpreter in
            let path = try args.string("path")
            guard path.hasSuffix(".svg") else { throw ScriptError(.value, "savefig writes SVG: give a name ending in .svg", at: args.location) }
            guard let svg = interpreter.lastFigureSVG else {
                throw ScriptError(.value, "there is no figure to save yet", at: args.location, hint: "draw one first with plot, scatter, heatmap, boundary or contour")
            }
            try interpreter.writeOutput(svg, to: path, as: .svg, at: args.location)
            return .none
        },
    ]

    static func show(_ text: String, svg: @escaping () -> String, _ interpreter: Interpreter) -> Value {
        interpreter.showFigure(text, svg: svg)
        return .none
    }

    /// A numeric series from a list, a tensor or anything iterable.
    static func numbers(_ value: Value, _ interpreter: Interpreter, at location: SourceLocation) throws -> [Double] {
        if case .tensor(let t) = value { return t.data }
        var result: [Double] = []
        try interpreter.iterate(value, at: location) { item in
            guard let x = Convert.number(item) else {
                throw ScriptError(.type, "a series must hold numbers, found \(item.typeName)", at: location)
            }
            result.append(x); return true
        }
        return result
    }

    static func optionalString(_ args: Arguments, _ name: String) throws -> String? {
        args.has(name) ? try args.string(name) : nil
    }

    static func stringList(_ args: Arguments, _ name: String) throws -> [String] {
        guard let value = args.value(name) else { return [] }
        guard let items = Convert.sequence(value) else { throw ScriptError(.type, "\(name) must be a list of strings", at: args.location) }
        return items.map { if case .string(let s) = $0 { return s } else { return Display.repr($0, interpreter: Interpreter()) } }
    }

    static func range(_ args: Arguments, _ name: String) throws -> ClosedRange<Double>? {
        guard let value = args.value(name) else { return nil }
        guard let items = Convert.sequence(value) ?? { if case .tensor(let t) = value { return t.data.map { Value.number($0) } } else { return nil } }(),
              items.count == 2, let low = Convert.number(items[0]), let high = Convert.number(items[1]), low < high else {
            throw ScriptError(.value, "\(name) must be a pair (low, high) with low < high", at: args.location)
        }
        return low...high
    }

    static func rows(_ matrix: Tensor) -> [[Double]] {
        let width = matrix.shape[1]
        return (0..<matrix.shape[0]).map { Array(matrix.data[($0 * width)..<(($0 + 1) * width)]) }
    }

    static func cellText(_ value: Value, _ interpreter: Interpreter) -> String {
        switch value {
        case .number(let x): return wholeOrFixed(x, interpreter)
        case .tensor(let t) where t.count == 1: return wholeOrFixed(t.data[0], interpreter)
        default: return Display.str(value, interpreter: interpreter)
        }
    }

    /// A count in a table reads as `12`, a measurement as `0.5000`.
    static func wholeOrFixed(_ x: Double, _ interpreter: Interpreter) -> String {
        Convert.integer(x).map(String.init) ?? NumberText.fixed(x, decimals: interpreter.precision)
    }

    /// Points of a [n, 2] tensor with their class labels as text.
    static func labeledPoints(_ x: Tensor, _ y: Tensor?, at location: SourceLocation) throws -> [LabeledPoint] {
        guard x.rank == 2, x.shape[1] == 2 else { throw ScriptError(.shape, "points must be a tensor of shape [n, 2], got \(x.shape)", at: location) }
        let labels = y.map { Metrics.labels($0) }
        if let labels, labels.count != x.shape[0] {
            throw ScriptError(.shape, "\(x.shape[0]) points but \(labels.count) labels", at: location)
        }
        return (0..<x.shape[0]).map { i in
            LabeledPoint(x: x.data[2 * i], y: x.data[2 * i + 1], label: labels.map { String($0[i]) } ?? "")
        }
    }
}
