import FinchJSON

/// The language-facing side of the kernel, as xeus's `xinterpreter`: the kernel owns the protocol
/// (execution counts, `execute_input`, replies, history) and calls these hooks on the shell thread
/// only. An interpreter never touches a socket; it publishes through the ``ExecutionContext``.
///
/// Interrupts reach a running `execute` through ``ExecutionContext/isInterrupted``, which the
/// kernel sets on an `interrupt_request` or a SIGINT; the interpreter polls it and stops.
public protocol KernelInterpreter: AnyObject {
    /// What `kernel_info_reply` says about the language and its implementation.
    var info: KernelInfo { get }
    /// Runs one cell. Side output (streams, displays) goes through `context` as it happens.
    func execute(code: String, context: ExecutionContext) -> ExecutionOutcome
    /// Evaluates one of `user_expressions` after a cell, without side output.
    func evaluate(expression: String) -> Result<RichOutput, ErrorReport>
    /// Completion candidates at `cursor` (in Unicode scalars).
    func complete(code: String, cursor: Int) -> CompletionCandidates
    /// Documentation for the name at `cursor`, or `nil` when there is nothing to say.
    func inspect(code: String, cursor: Int, detailLevel: Int) -> RichOutput?
    /// Whether `code` is ready to run, as a console decides when Enter runs a cell.
    func isComplete(code: String) -> CodeCompleteness
}

/// The fields of `kernel_info_reply` that belong to the language.
public struct KernelInfo: Sendable {
    /// Implementation name, e.g. `finch`.
    public var implementation: String
    /// Implementation version.
    public var implementationVersion: String
    /// `language_info.name`.
    public var languageName: String
    /// `language_info.version`.
    public var languageVersion: String
    /// `language_info.mimetype`.
    public var mimetype: String
    /// `language_info.file_extension`, with the dot.
    public var fileExtension: String
    /// `language_info.pygments_lexer`.
    public var pygmentsLexer: String
    /// `language_info.codemirror_mode`.
    public var codemirrorMode: String
    /// The banner `jupyter console` shows.
    public var banner: String
    /// Links for the Help menu: (text, url).
    public var helpLinks: [(text: String, url: String)]

    /// Kernel information with every field given.
    public init(implementation: String, implementationVersion: String, languageName: String, languageVersion: String,
                mimetype: String, fileExtension: String, pygmentsLexer: String, codemirrorMode: String,
                banner: String, helpLinks: [(text: String, url: String)]) {
        self.implementation = implementation
        self.implementationVersion = implementationVersion
        self.languageName = languageName
        self.languageVersion = languageVersion
        self.mimetype = mimetype
        self.fileExtension = fileExtension
        self.pygmentsLexer = pygmentsLexer
        self.codemirrorMode = codemirrorMode
        self.banner = banner
        self.helpLinks = helpLinks
    }
}

/// A result in several MIME types (`data`) with optional `metadata`, as in `display_data`.
public struct RichOutput: Sendable, Equatable {
    /// MIME type → representation (a string, or JSON for `application/json`).
    public var data: JSONObject
    /// Per-MIME-type metadata.
    public var metadata: JSONObject

    /// A rich output from its MIME bundle.
    public init(data: JSONObject, metadata: JSONObject = [:]) {
        self.data = data
        self.metadata = metadata
    }

    /// A plain-text output.
    public init(plainText: String) {
        self.init(data: ["text/plain": .string(plainText)])
    }
}

/// An error as Jupyter shows it: name, value and traceback lines.
public struct ErrorReport: Error, Sendable, Equatable {
    /// `ename`, e.g. `NameError`.
    public var name: String
    /// `evalue`, the one-line message.
    public var value: String
    /// `traceback`, the lines a front end prints.
    public var traceback: [String]

    /// An error report from its parts.
    public init(name: String, value: String, traceback: [String]) {
        self.name = name
        self.value = value
        self.traceback = traceback
    }
}

/// How a cell ended.
public enum ExecutionOutcome: Sendable, Equatable {
    /// It ran; `result` (if any) becomes the `execute_result`, and each of `displays` a
    /// `display_data` after it (a result's charts, in order).
    case success(result: RichOutput?, displays: [RichOutput] = [])
    /// It failed; the kernel publishes the error and replies with status `error`.
    case failure(ErrorReport)
}

/// Completion matches replacing the code between `start` and `end` (Unicode scalar offsets).
public struct CompletionCandidates: Sendable, Equatable {
    /// The candidate texts.
    public var matches: [String]
    /// Where the replaced text starts.
    public var start: Int
    /// Where the replaced text ends.
    public var end: Int
    /// What each match is (`command`, `keyword`, `variable`, …), in the order of `matches`;
    /// empty when the interpreter does not say.
    public var types: [String]

    /// Candidates from their parts.
    public init(matches: [String], start: Int, end: Int, types: [String] = []) {
        self.matches = matches
        self.start = start
        self.end = end
        self.types = types
    }
}

/// The answer to `is_complete_request`.
public enum CodeCompleteness: Sendable, Equatable {
    /// Ready to run.
    case complete
    /// More lines are expected; `indent` is a hint for the next line.
    case incomplete(indent: String)
    /// It will fail whatever follows.
    case invalid
    /// The interpreter cannot tell.
    case unknown
}
