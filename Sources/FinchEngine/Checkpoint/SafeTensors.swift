internal import FinchJSON
import Glibc

/// Why a checkpoint could not be written or read.
public enum CheckpointError: Error, Equatable, Sendable, CustomStringConvertible {
    /// The file could not be opened, written or read.
    case io(path: String, reason: String)
    /// The bytes are not a valid safetensors file.
    case malformed(String)
    /// A tensor stored in a type other than F32 and I8.
    case unsupportedType(tensor: String, dtype: String)
    /// The file has no Finch architecture in its metadata (or it cannot be parsed).
    case missingArchitecture
    /// A parameter of the model is not in the file.
    case missingTensor(String)
    /// A tensor in the file that the model does not have.
    case unexpectedTensor(String)
    /// A tensor whose shape differs from the parameter's.
    case shapeMismatch(tensor: String, expected: [Int], got: [Int])
    /// The stored architecture could not be built.
    case invalidArchitecture(ModelError)
    /// The stored input or target scaling cannot be read, or does not fit the model's features
    /// or outputs.
    case invalidScaling
    /// The user asked loading to stop (see ``Cancellation``); no model was made.
    case cancelled

    /// One-line explanation.
    public var description: String {
        switch self {
        case let .io(path, reason): "\(path): \(reason)"
        case let .malformed(reason): "not a valid safetensors file: \(reason)"
        case let .unsupportedType(tensor, dtype): "tensor \(tensor) has type \(dtype); only F32 and I8 are supported"
        case .missingArchitecture: "the checkpoint has no Finch architecture in its metadata"
        case let .missingTensor(name): "the checkpoint has no tensor \(name)"
        case let .unexpectedTensor(name): "the checkpoint has a tensor \(name) that the model does not"
        case let .shapeMismatch(tensor, expected, got): "tensor \(tensor) has shape \(got), the model expects \(expected)"
        case let .invalidArchitecture(error):
            if case .overBudget = error { "the stored model is too large to load: \(error)" } else { "the stored architecture is invalid: \(error)" }
        case .invalidScaling: "the checkpoint's input or target scaling is not one mean and one positive scale per feature or output"
        case .cancelled: "loading the checkpoint was interrupted"
        }
    }
}

/// A safetensors file: named float32 tensors, named int8 tensors (quantised weights, pruning
/// masks) and string metadata.
///
/// Layout: an 8-byte little-endian header length, a JSON header (`__metadata__` and, per tensor,
/// `dtype`, `shape`, `data_offsets` relative to the data), padded with spaces to 8 bytes, then
/// the tensors' bytes back to back in header order (the float tensors first, so each stays
/// 4-byte aligned, then the int8 ones).
public struct SafeTensors {
    /// Float tensors in file order.
    public var tensors: [(name: String, tensor: Tensor)]
    /// Int8 tensors in file order.
    public var bytes: [(name: String, shape: [Int], values: [Int8])] = []
    /// String-to-string metadata (`__metadata__`).
    public var metadata: [String: String]

    /// A file's contents from its parts.
    public init(tensors: [(name: String, tensor: Tensor)], metadata: [String: String] = [:]) {
        self.tensors = tensors
        self.metadata = metadata
    }

    /// The tensor named `name`, if present.
    public subscript(name: String) -> Tensor? { tensors.first { $0.name == name }?.tensor }

    /// Writes the file at `path`, replacing it only once every byte is on disk (see ``AtomicFile``).
    public func write(to path: String) throws(CheckpointError) {
        // Members are gathered first and made into one object, which takes linear time (setting
        // them one by one would scan the object at each: quadratic in the number of tensors).
        var members: [(String, JSONValue)] = []
        if !metadata.isEmpty {
            members.append(("__metadata__", .object(JSONObject(metadata.sorted { $0.key < $1.key }.map { ($0.key, .string($0.value)) }))))
        }
        var offset = 0
        for (name, tensor) in tensors {
            let bytes = tensor.count * 4
            members.append((name, ["dtype": "F32", "shape": .array(tensor.shape.map(JSONValue.int)),
                                   "data_offsets": [.int(offset), .int(offset + bytes)]]))
            offset += bytes
        }
        for (name, shape, values) in self.bytes {
            members.append((name, ["dtype": "I8", "shape": .array(shape.map(JSONValue.int)),
                                   "data_offsets": [.int(offset), .int(offset + values.count)]]))
            offset += values.count
        }
        var headerBytes = JSONValue.object(JSONObject(members)).serializedBytes
        while headerBytes.count % 8 != 0 { headerBytes.append(0x20) }
        var length = UInt64(headerBytes.count).littleEndian
        do throws(FileWriteError) {
            try AtomicFile.write(to: path) { (file) throws(FileWriteError) in
                try file.append(&length, count: 8)
                try file.append(headerBytes)
                for (_, tensor) in tensors where tensor.count > 0 {
                    try tensor.withUnsafePointer { (pointer) throws(FileWriteError) in try file.append(pointer, count: 4 * tensor.count) }
                }
                for (_, _, values) in bytes where !values.isEmpty {
                    try values.withUnsafeBufferPointer { (pointer) throws(FileWriteError) in
                        try file.append(UnsafeRawPointer(pointer.baseAddress!), count: values.count)
                    }
                }
            }
        } catch {
            throw .io(path: path, reason: error.description)
        }
    }

    /// Reads the file at `path` (a regular file: a named pipe or a device is refused at once).
    /// `cancellation` is asked before each tensor and every ``ReadableFile/chunk`` bytes of one;
    /// when it is requested, ``CheckpointError/cancelled`` is thrown.
    /// `checkMetadata` sees the metadata before any tensor is read (to refuse an architecture
    /// too large for memory at once).
    public static func read(from path: String, cancellation: Cancellation = .never,
                            checkMetadata: ([String: String]) throws(CheckpointError) -> Void = { _ in }) throws(CheckpointError) -> SafeTensors {
        let opened: ReadableFile
        do throws(FileReadError) { opened = try ReadableFile(path: path, limit: .max) } catch {
            throw .io(path: path, reason: error.reason)
        }
        return try read(opened, cancellation: cancellation, checkMetadata: checkMetadata)
    }

    /// Reads the tensors and metadata of the open `opened`.
    private static func read(_ opened: borrowing ReadableFile, cancellation: Cancellation,
                             checkMetadata: ([String: String]) throws(CheckpointError) -> Void) throws(CheckpointError) -> SafeTensors {
        let file = opened.stream, size = opened.size, path = opened.path
        var length: UInt64 = 0
        guard size >= 8, fread(&length, 8, 1, file) == 1 else { throw .malformed("shorter than 8 bytes") }
        length = UInt64(littleEndian: length)
        guard length <= UInt64(size - 8) else { throw .malformed("header length \(length) exceeds the file") }
        var headerBytes = [UInt8](repeating: 0, count: Int(length))
        guard fread(&headerBytes, 1, Int(length), file) == Int(length) else { throw .io(path: path, reason: "short read") }
        let parsed: JSONValue
        do { parsed = try JSONValue.parse(headerBytes, stoppingWhen: { cancellation.isRequested }) } catch {
            throw error.reason == .stopped ? .cancelled : .malformed("header is not valid JSON: \(error)")
        }
        guard let header = parsed.objectValue else { throw .malformed("header is not a JSON object") }
        let dataStart = 8 + Int(length), dataSize = size - dataStart
        var result = SafeTensors(tensors: [])
        do throws(CheckpointError) {
            if let entry = header["__metadata__"] {
                guard let pairs = entry.objectValue?.members else { throw .malformed("__metadata__ is not an object") }
                for (key, value) in pairs {
                    guard let text = value.stringValue else { throw .malformed("metadata \(key) is not a string") }
                    result.metadata[key] = text
                }
            }
            try checkMetadata(result.metadata)
            for (name, entry) in header.members where name != "__metadata__" {
                guard let dtype = entry["dtype"]?.stringValue else { throw .malformed("tensor \(name) has no dtype") }
                guard dtype == "F32" || dtype == "I8" else { throw .unsupportedType(tensor: name, dtype: dtype) }
                let width = dtype == "F32" ? 4 : 1
                guard let shape = entry["shape"]?.arrayValue?.compactMap(\.intValue), shape.allSatisfy({ $0 >= 0 }),
                      let count = elementCount(shape),
                      let offsets = entry["data_offsets"]?.arrayValue?.compactMap(\.intValue), offsets.count == 2,
                      offsets[0] >= 0, offsets[1] <= dataSize, offsets[1] - offsets[0] == width * count
                else { throw .malformed("tensor \(name) has an invalid shape or offsets") }
                if cancellation.isRequested { throw .cancelled }
                fseek(file, dataStart + offsets[0], SEEK_SET)
                if dtype == "I8" {
                    var values = [Int8](repeating: 0, count: count)
                    try values.withUnsafeMutableBytes { buffer in
                        Result { () throws(CheckpointError) in
                            try readChunks(into: buffer, from: file, cancellation: cancellation, failure: .io(path: path, reason: "short read in \(name)"))
                        }
                    }.get()
                    result.bytes.append((name, shape, values))
                    continue
                }
                var tensor = Tensor(uncheckedZeros: shape)
                let bytes = 4 * tensor.count
                try tensor.withUnsafeMutablePointer { pointer in
                    Result { () throws(CheckpointError) in
                        try readChunks(into: UnsafeMutableRawBufferPointer(start: pointer, count: bytes), from: file, cancellation: cancellation,
                                       failure: .io(path: path, reason: "short read in \(name)"))
                    }
                }.get()
                result.tensors.append((name, tensor))
            }
        } catch {
            // What was read goes in the background, so that an interrupt or a refusal is answered at once.
            BackgroundRelease.drop((consume result, consume header, consume parsed))
            throw error
        }
        BackgroundRelease.drop((consume header, consume parsed))
        return result
    }
}

/// Fills `buffer` from `file` in chunks of ``ReadableFile/chunk`` bytes, asking `cancellation`
/// before each but the first; throws `failure` on a short read.
private func readChunks(into buffer: UnsafeMutableRawBufferPointer, from file: UnsafeMutablePointer<FILE>, cancellation: Cancellation,
                        failure: CheckpointError) throws(CheckpointError) {
    var done = 0
    while done < buffer.count {
        if done > 0, cancellation.isRequested { throw .cancelled }
        let wanted = min(ReadableFile.chunk, buffer.count - done)
        guard fread(UnsafeMutableRawBufferPointer(rebasing: buffer[done...]).baseAddress, 1, wanted, file) == wanted else { throw failure }
        done += wanted
    }
}

/// The number of elements of `shape`, or nil when it overflows (a hostile header).
private func elementCount(_ shape: [Int]) -> Int? {
    var count = 1
    for size in shape {
        let (product, overflow) = count.multipliedReportingOverflow(by: size)
        guard !overflow, product <= Int(Int32.max) * 16 else { return nil }
        count = product
    }
    return count
}

/// The C library's message for the current `errno`.
func errnoText() -> String {
    guard let message = strerror(errno) else { return "error \(errno)" }
    var bytes: [UInt8] = []
    var p = message
    while p.pointee != 0 { bytes.append(UInt8(bitPattern: p.pointee)); p += 1 }
    return String(decoding: bytes, as: UTF8.self)
}
