import NNTerminal
import Testing

@Suite struct ImageRenderTests {
    @Test func twoCharactersPerPixel() {
        let image = GrayImage(pixels: [0, 16, 8, 4], height: 2, width: 2)
        #expect(ImageRender.render(image, range: 0...16) == "  ██\n▒▒░░")
        #expect(ImageRender.render(image, range: 0...16, ascii: true) == "  @@\n++::")
    }

    @Test func sideBySideWithCaptions() {
        let images = [
            GrayImage(pixels: [0, 16, 8, 4], height: 2, width: 2, caption: "pred 1\np=0.93"),
            GrayImage(pixels: [16, 0, 0, 16], height: 2, width: 2, caption: "7"),
        ]
        #expect(ImageRender.grid(images, range: 0...16) == """
              ██    ██
            ▒▒░░      ██
            pred 1  7
            p=0.93
            """)
        // Too narrow for both: the second image moves to its own row.
        #expect(ImageRender.grid(images, range: 0...16, maxWidth: 8) == "  ██\n▒▒░░\npred 1\np=0.93\n\n██\n  ██\n7")
    }

    @Test func degenerateImages() {
        #expect(ImageRender.grid([]) == "(no images)")
        #expect(ImageRender.render(GrayImage(pixels: [], height: 0, width: 3)) == "(empty image)")
        #expect(ImageRender.render(GrayImage(pixels: [1, .nan], height: 1, width: 3)) == "▒▒")
    }
}
