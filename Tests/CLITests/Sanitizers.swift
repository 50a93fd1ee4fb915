#if canImport(Glibc)
import Glibc
#endif

/// Whether these tests were built with a sanitizer (CI runs the suite plainly, under
/// AddressSanitizer and under ThreadSanitizer; the hats they start is built the same way).
enum Sanitizers {
    static let address = linked("__asan_init")
    static let thread = linked("__tsan_init")
    static var any: Bool { address || thread }

    private static func linked(_ symbol: String) -> Bool {
        guard let handle = dlopen(nil, RTLD_NOW) else { return false }
        defer { dlclose(handle) }
        return dlsym(handle, symbol) != nil
    }
}
