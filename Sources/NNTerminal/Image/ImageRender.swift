/// A grayscale image with a caption, such as an 8×8 digit and its prediction.
public struct GrayImage: Sendable, Equatable {
    /// Row-major pixel values, `height`×`width`.
    public var pixels: [Double]
    /// Number of pixel rows.
    public var height: Int
    /// Number of pixel columns.
    public var width: Int
    /// Text under the image; may hold several lines.
    public var caption: String

    /// Creates an image; missing pixels are treated as absent (blank).
    public init(pixels: [Double], height: Int, width: Int, caption: String = "") {
        self.pixels = pixels
        self.height = height
        self.width = width
        self.caption = caption
    }
}

/// Draws grayscale images with a shade ramp, two characters per pixel so that
/// pixels look square, several side by side with captions below.
///
/// Unicode shades are `" ░▒▓█"`, ASCII ones `" .:-=+*#%@"`; larger values are
/// darker (ink), as digits are stored. Missing or non-finite pixels are blank.
public enum ImageRender {
    /// One image as text, scaled over `range` (else the image's own min...max).
    public static func render(_ image: GrayImage, range: ClosedRange<Double>? = nil, ascii: Bool = false) -> String {
        TextLayout.join(lines(of: image, range: range, ascii: ascii) + captionLines(image.caption))
    }

    /// Images side by side (wrapping to new rows past `maxWidth` columns), each
    /// with its caption below; a shared `range` keeps shades comparable.
    public static func grid(
        _ images: [GrayImage], range: ClosedRange<Double>? = nil, ascii: Bool = false, gap: Int = 2, maxWidth: Int = 80
    ) -> String {
        guard !images.isEmpty else { return "(no images)" }
        let blocks = images.map { image -> [String] in
            lines(of: image, range: range, ascii: ascii) + captionLines(image.caption)
        }
        let widths = blocks.map { $0.map(DisplayWidth.of).max() ?? 0 }
        let gap = max(0, gap)
        var groups: [[Int]] = [[]]
        var used = 0
        for index in blocks.indices {
            if let last = groups.last, !last.isEmpty, used + gap + widths[index] > maxWidth {
                groups.append([])
                used = 0
            }
            used += (groups[groups.count - 1].isEmpty ? 0 : gap) + widths[index]
            groups[groups.count - 1].append(index)
        }
        let rows = groups.map { group -> String in
            let height = group.map { blocks[$0].count }.max() ?? 0
            let lines = (0..<height).map { line in
                group.map { index in
                    TextLayout.pad(line < blocks[index].count ? blocks[index][line] : "", to: widths[index])
                }.joined(separator: TextLayout.spaces(gap))
            }
            return TextLayout.join(lines)
        }
        return rows.joined(separator: "\n\n")
    }

    /// The pixel rows of one image.
    static func lines(of image: GrayImage, range: ClosedRange<Double>?, ascii: Bool) -> [String] {
        let height = min(max(image.height, 0), 1000), width = min(max(image.width, 0), 1000)
        guard height > 0, width > 0 else { return ["(empty image)"] }
        let ramp = ascii ? ShadeScale.asciiRamp : ShadeScale.unicodeRamp
        let finite = image.pixels.prefix(height * width).filter(\.isFinite)
        var lo = finite.min() ?? 0, hi = finite.max() ?? 0
        if let range, range.lowerBound.isFinite, range.upperBound.isFinite { (lo, hi) = (range.lowerBound, range.upperBound) }
        return (0..<height).map { row in
            (0..<width).map { column -> String in
                let index = row * width + column
                guard index < image.pixels.count, image.pixels[index].isFinite else { return "  " }
                // A uniform image is drawn mid-grey rather than vanishing.
                let fraction = RangeFraction.of(image.pixels[index], lo, hi)
                let shade = ramp[min(max(Int((fraction * Double(ramp.count - 1)).rounded()), 0), ramp.count - 1)]
                return String(repeating: shade, count: 2)
            }.joined()
        }
    }

    private static func captionLines(_ caption: String) -> [String] {
        caption.isEmpty ? [] : caption.split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
    }
}
