#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// The size of the terminal on standard output.
public enum TerminalSize {
    /// The number of columns, or 80 when standard output is not a terminal.
    public static func columns(fileDescriptor: Int32 = 1) -> Int {
        var size = winsize()
        guard ioctl(fileDescriptor, UInt(TIOCGWINSZ), &size) == 0, size.ws_col > 0 else { return 80 }
        return Int(size.ws_col)
    }
}
