#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Turns off the terminal's echo of control characters while a cell runs, so
/// Ctrl-C does not leave a stray `^C` in front of the KeyboardInterrupt message.
enum ControlEcho {
    /// Runs `body` with ECHOCTL off on standard input, then restores the settings.
    static func suppressed<T>(_ body: () -> T) -> T {
        var saved = termios()
        guard tcgetattr(0, &saved) == 0 else { return body() }
        var quiet = saved
        quiet.c_lflag &= ~tcflag_t(ECHOCTL)
        tcsetattr(0, TCSANOW, &quiet)
        defer { tcsetattr(0, TCSANOW, &saved) }
        return body()
    }
}
