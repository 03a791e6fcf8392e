import Foundation
import Testing
@testable import NNKernel

/// Framing and signing: what jupyter_client's Session writes and reads.
struct WireCodecTests {
    let codec = WireCodec(signer: MessageSigner(key: "a0436f6c-1916-498b-8eb9-e81ab9368e84"))

    /// A request as a front end frames it, with the signature computed independently (Python's hmac).
    @Test func acceptsAFrontEndsSignature() throws {
        let header = Data(#"{"msg_id":"1","msg_type":"kernel_info_request","session":"s","username":"u","version":"5.3","date":"2026-01-01T00:00:00.000000Z"}"#.utf8)
        let frames = [Data("client".utf8), WireCodec.delimiter,
                      // hmac.new(key, header + b"{}" + b"{}" + b"{}", sha256).hexdigest()
                      Data("a5e6c0ae6b4f7a0b3a51e52b28ba0bd6d0f4f7e9b4a9d0f0b3b3d9a0a3a6f1c2".utf8),
                      header, Data("{}".utf8), Data("{}".utf8), Data("{}".utf8)]
        let expected = MessageSigner(key: "a0436f6c-1916-498b-8eb9-e81ab9368e84").signature(of: Array(frames[3...6]))
        var signed = frames
        signed[2] = Data(expected.utf8)
        let message = try codec.decode(signed)
        #expect(message.type == "kernel_info_request")
        #expect(message.identities == [Data("client".utf8)])
        #expect(message.session == "s")
    }

    @Test func signatureIsHMACSHA256InHex() {
        // RFC 4231 test case 2: key "Jefe", data "what do ya want for nothing?".
        let signer = MessageSigner(key: "Jefe")
        #expect(signer.signature(of: [Data("what do ya want ".utf8), Data("for nothing?".utf8)])
            == "5bdcc146bf60754e6a042426089575c75a003f089d2739839dec58b964ec3843")
    }

    @Test func roundTripsAndRejectsTampering() throws {
        let request = KernelMessage(type: "execute_request", content: ["code": "1 + 1"], parent: nil, session: "s",
                                    identities: [Data("id".utf8)])
        let frames = codec.encode(request)
        let decoded = try codec.decode(frames)
        #expect(decoded.string("code") == "1 + 1")
        var tampered = frames
        tampered[tampered.count - 1] = Data(#"{"code":"forged = 1"}"#.utf8)
        #expect(throws: WireError.badSignature) { try codec.decode(tampered) }
        let forger = WireCodec(signer: MessageSigner(key: "not the key"))
        #expect(throws: WireError.badSignature) { try codec.decode(forger.encode(request)) }
        var unsigned = frames
        unsigned[2] = Data()
        #expect(throws: WireError.badSignature) { try codec.decode(unsigned) }
        #expect(throws: WireError.noDelimiter) { try codec.decode([Data("id".utf8)]) }
        #expect(throws: WireError.tooFewFrames) { try codec.decode([WireCodec.delimiter, Data()]) }
    }

    @Test func anEmptyKeySignsNothing() throws {
        let open = WireCodec(signer: MessageSigner(key: ""))
        let frames = open.encode(KernelMessage(type: "status", content: [:], parent: nil, session: "s", identities: []))
        #expect(frames[1].isEmpty)
        #expect(try open.decode(frames).type == "status")
    }

    @Test func writesCompactSortedJSONThatFoundationReadsBack() throws {
        let object: JSONObject = ["text": "a \"quote\", a \\ and\n\t\u{1} π/2", "count": 3, "ok": true, "no": false,
                                  "ratio": 0.5, "list": [1, "two", [String: Any]()], "nested": ["b": 2, "a": [Any]()],
                                  "decoded": NSNumber(value: 7)]
        let data = JSONWriter.data(object)
        #expect(String(decoding: data, as: UTF8.self) == #"{"count":3,"decoded":7,"list":[1,"two",{}],"nested":{"a":[],"b":2},"no":false,"ok":true,"ratio":0.5,"text":"a \"quote\", a \\ and\n\t\u0001 π/2"}"#)
        let back = try #require(try JSONSerialization.jsonObject(with: data) as? JSONObject)
        #expect(back["text"] as? String == object["text"] as? String)
        #expect((back["list"] as? [Any])?.count == 3)
        #expect(String(decoding: JSONWriter.data(["x": Double.nan]), as: UTF8.self) == #"{"x":null}"#)
    }

    @Test func timestampsAreISO8601WithMicroseconds() {
        #expect(KernelMessage.timestamp(Date(timeIntervalSince1970: 1_700_000_000.25)) == "2023-11-14T22:13:20.250000Z")
        #expect(KernelMessage.timestamp(Date(timeIntervalSince1970: 1_000_000.015625)) == "1970-01-12T13:46:40.015625Z")
    }
}

/// Connection files: the fields Jupyter writes, and clear errors for broken ones.
struct ConnectionInfoTests {
    @Test func readsJupytersConnectionFile() throws {
        let json = #"{"shell_port": 5001, "iopub_port": 5002, "stdin_port": 5003, "control_port": 5004, "hb_port": 5005, "ip": "127.0.0.1", "key": "k", "transport": "tcp", "signature_scheme": "hmac-sha256", "kernel_name": "nnlearn"}"#
        let info = try ConnectionInfo(json: Data(json.utf8))
        #expect(info.endpoint(info.shellPort) == "tcp://127.0.0.1:5001")
        #expect(info.heartbeatPort == 5005)
        #expect(info.key == "k")
    }

    @Test func namesWhatIsWrong() {
        #expect(throws: KernelError("the connection file is not a JSON object")) { try ConnectionInfo(json: Data("[1]".utf8)) }
        #expect(throws: KernelError("the connection file has no valid \"shell_port\" (a port number from 0 to 65535)")) {
            try ConnectionInfo(json: Data(#"{"shell_port": 70000}"#.utf8))
        }
        let ipc = #"{"shell_port": 1, "iopub_port": 2, "stdin_port": 3, "control_port": 4, "hb_port": 5, "transport": "udp"}"#
        #expect(throws: KernelError("the connection file's transport \"udp\" is neither tcp nor ipc")) {
            try ConnectionInfo(json: Data(ipc.utf8))
        }
    }
}
