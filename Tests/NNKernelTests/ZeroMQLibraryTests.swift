import Foundation
import Testing
@testable import NNKernel

/// libzmq is opened when a kernel starts; a missing or wrong library is a message naming what to install.
struct ZeroMQLibraryTests {
    @Test func aMissingLibraryNamesThePackageToInstall() throws {
        let result = ZeroMQLibrary.load(from: ["libnnlearn-no-such-zmq.so.9"])
        guard case .failure(let error) = result else {
            Issue.record("a library that does not exist was loaded")
            return
        }
        #expect(error.code == 0)
        #expect(error.operation == "load the ZeroMQ library (libnnlearn-no-such-zmq.so.9)")
        #expect(error.reason.contains("libnnlearn-no-such-zmq.so.9: cannot open shared object file"))
        #expect(error.description.hasSuffix("the Jupyter kernel needs it: \(ZeroMQLibrary.installHint)"))
        #if os(Linux)
        #expect(error.description.contains("sudo apt install libzmq5"))
        #endif
    }

    #if os(Linux)
    @Test func aLibraryWithoutZeroMQsFunctionsIsRefused() throws {
        let result = ZeroMQLibrary.load(from: ["libz.so.1"])
        guard case .failure(let error) = result else {
            Issue.record("zlib was taken for libzmq")
            return
        }
        #expect(error.reason.hasPrefix("libz.so.1 has no function zmq_ctx_new; "))
    }
    #endif

    /// Once loaded, two sockets of a context exchange a multipart message.
    @Test func theInstalledLibraryCarriesMessages() throws {
        try ZeroMQLibrary.ensureLoaded()
        let context = try ZeroMQContext()
        let receiver = try context.socket(.pull)
        let sender = try context.socket(.push)
        let endpoint = "inproc://zeromq-library-test"
        try receiver.bind(endpoint)
        try sender.connect(endpoint)
        try sender.send([Data("first".utf8), Data(), Data([0, 255])])
        let frames = try receiver.receive()
        #expect(frames == [Data("first".utf8), Data(), Data([0, 255])])
        // Nothing else is waiting.
        #expect(try receiver.receive(wait: false) == nil)
        sender.close()
        receiver.close()
        context.end()
    }
}
