import Foundation
import HatsCLI

// A file-size limit must make a save fail with an error (EFBIG), not kill the process.
signal(SIGXFSZ, SIG_IGN)
exit(HatsCLI.run(Array(CommandLine.arguments.dropFirst()), console: .standard()))
