#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// The pseudo-terminal calls of the C library.
///
/// glibc declares posix_openpt, grantpt, unlockpt and ptsname_r only under
/// _XOPEN_SOURCE or _GNU_SOURCE, which Swift's Glibc module does not define,
/// so on Linux they are looked up by name; every libc has them.
enum PseudoTerminalCalls {
    /// Opens a new master side; returns the descriptor and the slave's path.
    static func openMaster() -> (Int32, String)? {
        #if os(Linux)
        typealias OpenFunction = @convention(c) (Int32) -> Int32
        typealias FDFunction = @convention(c) (Int32) -> Int32
        typealias NameFunction = @convention(c) (Int32, UnsafeMutablePointer<CChar>?, Int) -> Int32
        guard let openSymbol = dlsym(nil, "posix_openpt"), let grantSymbol = dlsym(nil, "grantpt"),
              let unlockSymbol = dlsym(nil, "unlockpt"), let nameSymbol = dlsym(nil, "ptsname_r") else { return nil }
        let openpt = unsafeBitCast(openSymbol, to: OpenFunction.self)
        let grant = unsafeBitCast(grantSymbol, to: FDFunction.self)
        let unlock = unsafeBitCast(unlockSymbol, to: FDFunction.self)
        let name = unsafeBitCast(nameSymbol, to: NameFunction.self)
        let master = openpt(O_RDWR | O_NOCTTY)
        guard master >= 0 else { return nil }
        var buffer = [CChar](repeating: 0, count: 128)
        guard grant(master) == 0, unlock(master) == 0, name(master, &buffer, buffer.count) == 0 else {
            close(master)
            return nil
        }
        let bytes = buffer.prefix { $0 != 0 }.map { UInt8(bitPattern: $0) }
        return (master, String(decoding: bytes, as: UTF8.self))
        #else
        let master = posix_openpt(O_RDWR | O_NOCTTY)
        guard master >= 0, grantpt(master) == 0, unlockpt(master) == 0, let name = ptsname(master) else { return nil }
        return (master, String(cString: name))
        #endif
    }

    /// posix_spawn's flag for starting the child in a new session.
    static var newSessionFlag: Int32 {
        #if os(Linux)
        return 0x80  // POSIX_SPAWN_SETSID in glibc's spawn.h
        #else
        return Int32(POSIX_SPAWN_SETSID)
        #endif
    }
}
