/// A grid of character cells that plots draw dots, lines and markers into.
///
/// In braille mode each cell holds 2×4 dots (U+2800 block); in ASCII mode a
/// cell is a single dot drawn with the series' marker, or ``sharedMarker``
/// when two series drew it, so neither hides the other. Every cell remembers
/// which series drew it last so that colour can be applied per cell.
struct PlotCanvas {
    /// The ASCII mark of a cell that several series drew; no series uses it as its own.
    static let sharedMarker: Character = "#"
    /// The owner of a shared cell: painted in no series' colour.
    static let sharedOwner = -2

    let width: Int
    let height: Int
    let braille: Bool
    private var bits: [UInt8]
    private var marks: [Character?]
    private var owners: [Int]

    /// Dots per cell horizontally and vertically.
    var dotsAcross: Int { braille ? 2 : 1 }
    var dotsDown: Int { braille ? 4 : 1 }

    init(width: Int, height: Int, braille: Bool) {
        self.width = width
        self.height = height
        self.braille = braille
        bits = Array(repeating: 0, count: width * height)
        marks = Array(repeating: nil, count: width * height)
        owners = Array(repeating: -1, count: width * height)
    }

    /// Sets one dot (dot coordinates, y down); outside dots are ignored.
    mutating func dot(_ x: Int, _ y: Int, owner: Int, marker: Character) {
        let cellX = x / dotsAcross, cellY = y / dotsDown
        guard x >= 0, y >= 0, cellX < width, cellY < height else { return }
        let cell = cellY * width + cellX
        if braille {
            bits[cell] |= PlotCanvas.brailleBit(x % 2, y % 4)
        } else if marks[cell] != nil, owners[cell] != owner {
            marks[cell] = PlotCanvas.sharedMarker
            owners[cell] = PlotCanvas.sharedOwner
            return
        } else {
            marks[cell] = marker
        }
        owners[cell] = owner
    }

    /// Whether some cell was drawn by two or more series (ASCII mode).
    var hasSharedCells: Bool { owners.contains(PlotCanvas.sharedOwner) }

    /// Draws a straight run of dots between two dot positions (Bresenham).
    mutating func line(_ x0: Int, _ y0: Int, _ x1: Int, _ y1: Int, owner: Int, marker: Character) {
        let dx = abs(x1 - x0), dy = -abs(y1 - y0)
        let sx = x0 < x1 ? 1 : -1, sy = y0 < y1 ? 1 : -1
        var error = dx + dy
        var x = x0, y = y0
        while true {
            dot(x, y, owner: owner, marker: marker)
            if x == x1 && y == y1 { break }
            let doubled = 2 * error
            if doubled >= dy { error += dy; x += sx }
            if doubled <= dx { error += dx; y += sy }
        }
    }

    /// Puts a character in a whole cell (cell coordinates), over any dots.
    mutating func put(_ cellX: Int, _ cellY: Int, _ character: Character, owner: Int) {
        guard cellX >= 0, cellY >= 0, cellX < width, cellY < height else { return }
        marks[cellY * width + cellX] = character
        owners[cellY * width + cellX] = owner
    }

    /// The rows as text, trailing blanks dropped; with `colour` each run of
    /// cells drawn by one owner is painted in that owner's palette colour.
    func rows(colour: ColourPolicy, palette: (Int) -> ColourPolicy.Style? = ColourPolicy.seriesColour) -> [String] {
        (0..<height).map { row in
            var line = ""
            var run = ""
            var runOwner = -1
            let cells = (0..<width).map { row * width + $0 }
            let lastUsed = cells.lastIndex { marks[$0] != nil || bits[$0] != 0 }.map { $0 + 1 } ?? 0
            for cell in cells.prefix(lastUsed) {
                let character: Character
                if let mark = marks[cell] {
                    character = mark
                } else if bits[cell] != 0, let scalar = Unicode.Scalar(0x2800 + UInt32(bits[cell])) {
                    character = Character(scalar)
                } else {
                    character = " "
                }
                let owner = character == " " ? -1 : owners[cell]
                if owner != runOwner {
                    line += PlotCanvas.paint(run, runOwner, colour, palette)
                    run = ""
                    runOwner = owner
                }
                run.append(character)
            }
            return line + PlotCanvas.paint(run, runOwner, colour, palette)
        }
    }

    private static func paint(_ run: String, _ owner: Int, _ colour: ColourPolicy, _ palette: (Int) -> ColourPolicy.Style?) -> String {
        guard owner >= 0, let style = palette(owner) else { return run }
        return colour.paint(run, style)
    }

    /// The bit of dot (column 0-1, row 0-3) in a braille cell.
    static func brailleBit(_ column: Int, _ row: Int) -> UInt8 {
        let left: [UInt8] = [0x01, 0x02, 0x04, 0x40]
        let right: [UInt8] = [0x08, 0x10, 0x20, 0x80]
        return column == 0 ? left[row] : right[row]
    }
}
