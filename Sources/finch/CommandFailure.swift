/// A failure while a command runs (a file that cannot be read, a folder that cannot be made):
/// printed as `Error: …` without the usage text, which is for mistakes in the arguments.
struct CommandFailure: Error, CustomStringConvertible {
    let description: String

    init(_ description: String) { self.description = description }
}
