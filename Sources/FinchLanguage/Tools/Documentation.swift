/// The doc of every name a user can ask about: commands, functions and keywords.
enum Documentation {
    /// The doc of the command, function or keyword called `name`, if there is one.
    ///
    /// A command whose value has documented properties lists them after its own doc (`help
    /// evaluate` shows an evaluation's); the name of such a type alone (`help run`) lists them too.
    static func text(for name: String, commands: CommandTable) -> String? {
        if let command = commands[name] {
            return ([CommandDoc.full(command)] + [valueTypes[name]?.text].compactMap { $0 }).joined(separator: "\n\n")
        }
        if let type = documentedTypes.first(where: { $0.names.contains(name) }) { return type.text }
        if let function = Functions.table[name] { return "\(function.signature)\n\(function.doc)" }
        if let keyword = Keyword(rawValue: name) { return keyword.doc }
        return nil
    }

    /// Every name that has a doc.
    static func names(commands: CommandTable) -> [String] {
        commands.names + Functions.names + Keyword.allCases.map(\.rawValue) + documentedTypes.flatMap { $0.names }
    }

    /// The help of one documented object type: the names that ask for it and its property list.
    struct TypeHelp {
        /// `run`, or `data` and `dataset`.
        let names: [String]
        /// The property list.
        let text: String
    }

    /// The object types whose properties `help` lists.
    static var documentedTypes: [TypeHelp] {
        [DatasetObject.typeHelp, RunObject.typeHelp, EvaluationObject.typeHelp, RegressionEvaluationObject.typeHelp,
         StreamObject.typeHelp, ContinualObject.typeHelp]
    }

    /// The documented type of the value each command gives, by command name.
    static var valueTypes: [String: TypeHelp] {
        ["dataset": DatasetObject.typeHelp, "split": DatasetObject.typeHelp, "sample": DatasetObject.typeHelp,
         "tasks": StreamObject.typeHelp, "continual": ContinualObject.typeHelp,
         "pretrain": RunObject.typeHelp, "finetune": RunObject.typeHelp, "evaluate": TypeHelp(names: [], text: EvaluationObject.typeHelp.text + "\n\n" + RegressionEvaluationObject.typeHelp.text)]
    }
}
