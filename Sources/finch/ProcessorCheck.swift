import FinchEngine

/// Stops a command that trains or runs Finch code when this build's instructions need processor
/// features the machine lacks (see `CPUFeatures`).
func requireProcessorFeatures() throws {
    if let problem = CPUFeatures.problem(missing: CPUFeatures.missing()) { throw CommandFailure(problem) }
}
