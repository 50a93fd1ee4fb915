// The fuzz-org target: see docs/fuzzing.md. Its one file: libFuzzer's entry point, and
// (in a build without -DFUZZING, where libFuzzer does not supply main) a main that replays
// the files named on the command line through the same checks.
import FuzzChecks

@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzOneInput(_ data: UnsafePointer<UInt8>?, _ size: Int) -> CInt {
    FuzzEntry.fuzz(data, size, FuzzChecks.org)
}

#if !FUZZING
@main
enum Replay {
    static func main() {
        FuzzEntry.replay(FuzzChecks.org, name: "fuzz-org")
    }
}
#endif
