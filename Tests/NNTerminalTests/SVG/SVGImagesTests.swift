import Testing
@testable import NNTerminal

@Suite struct SVGImagesTests {
    @Test func everyFinitePixelIsASquareAndEveryTileHasItsCaption() {
        let images = [
            GrayImage(pixels: [0, 1, 2, 3], height: 2, width: 2, caption: "first"),
            GrayImage(pixels: [3, .nan, 1, 0], height: 2, width: 2, caption: "second"),
        ]
        let svg = ImageRender.svg(images, range: 0...3, columns: 2, pixel: 10)
        // Background, two tile frames, then 4 + 3 pixels (nan is left blank).
        #expect(svg.components(separatedBy: "<rect").count - 1 == 1 + 2 + 7)
        #expect(svg.contains(">first</text>") && svg.contains(">second</text>"))
        // Larger values are darker: 0 is white, 3 black.
        #expect(svg.contains("fill=\"#ffffff\"/>") && svg.contains("fill=\"#000000\"/>"))
        #expect(svg == ImageRender.svg(images, range: 0...3, columns: 2, pixel: 10), "deterministic")
    }
}
