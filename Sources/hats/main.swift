import Foundation
import HatsCLI

exit(HatsCLI.run(Array(CommandLine.arguments.dropFirst()), console: .standard()))
