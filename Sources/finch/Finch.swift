import ArgumentParser
import FinchLanguage

/// The `finch` program: a Jupyter kernel for the Finch language, its installer, and a headless runner.
@main
struct Finch: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "finch",
        abstract: "Explore pre-training and fine-tuning of small neural networks in Jupyter.",
        version: FinchVersion.current,
        subcommands: [KernelCommand.self, InstallCommand.self, RunCommand.self])
}

/// The version of Finch, shown by `--version`, in `kernel_info` and beside every run.
enum FinchVersion {
    static let current = FinchRelease.version
}
