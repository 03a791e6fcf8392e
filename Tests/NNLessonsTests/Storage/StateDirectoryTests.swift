import NNLessons
import Testing

@Suite struct StateDirectoryTests {
    @Test func followsXDGStateHomeThenHome() {
        #expect(StateDirectory.url(environment: ["XDG_STATE_HOME": "/tmp/state", "HOME": "/home/a"]).path == "/tmp/state/nnlearn")
        #expect(StateDirectory.url(environment: ["HOME": "/home/a"]).path == "/home/a/.local/state/nnlearn")
        // A relative XDG_STATE_HOME is invalid by the specification and ignored.
        #expect(StateDirectory.url(environment: ["XDG_STATE_HOME": "rel", "HOME": "/home/a"]).path == "/home/a/.local/state/nnlearn")
    }
}
