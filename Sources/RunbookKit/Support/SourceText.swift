import Foundation

/// Reads a file as UTF-8 text, turning a missing file or a non-UTF-8 byte into a
/// located load error instead of a crash or mojibake. The text has LF line endings and
/// no byte order mark (`LineEndings`); the bytes are the file's own, for its hash.
public enum SourceText {
    /// `missingHint` says what to do when there is no such file, in the words of whoever
    /// named the path (a scenario, `--config`, a command's argument).
    public static func read(_ path: String, referencedFrom: SourceLocation? = nil,
                            missingHint: String? = nil) throws(LoadErrors) -> (text: String, bytes: [UInt8]) {
        let location = referencedFrom ?? SourceLocation(file: path, line: 1)
        var isDir: ObjCBool = false
        guard FileManager.default.fileExists(atPath: path, isDirectory: &isDir) else {
            throw LoadErrors([missing(path, at: location, hint: missingHint)])
        }
        guard !isDir.boolValue else {
            throw LoadErrors([LoadError(location, expected: "a file at \(path)", found: "a directory")])
        }
        guard let data = FileManager.default.contents(atPath: path) else {
            throw LoadErrors([LoadError(location, expected: "a readable file at \(path)", found: "a file that cannot be read",
                                        hint: "check its permissions")])
        }
        let bytes = [UInt8](data)
        if let text = String(validating: bytes, as: UTF8.self) {
            return (LineEndings.normalized(text), bytes)
        }
        throw LoadErrors([invalidUTF8(bytes, file: path)])
    }

    /// Why a path gives no file: a symlink loop or a dangling symlink is named as such,
    /// so the reader fixes the link rather than hunting for a misspelt path.
    public static func missing(_ path: String, at location: SourceLocation, hint: String?) -> LoadError {
        var info = stat()
        guard lstat(path, &info) == 0 else {
            return LoadError(location, expected: "a readable file at \(path)", found: "no such file", hint: hint)
        }
        let loop = stat(path, &info) != 0 && errno == ELOOP
        return LoadError(location, expected: "a readable file at \(path)",
                         found: loop ? "a symlink loop" : "a symlink to a missing file",
                         hint: loop ? "a symlink on this path points back at itself; fix or remove it" : "fix or remove the symlink")
    }

    /// Locates the first byte that is not valid UTF-8.
    static func invalidUTF8(_ bytes: [UInt8], file: String) -> LoadError {
        var line = 1, column = 1, i = 0
        while i < bytes.count {
            let b = bytes[i]
            let width: Int
            switch b {
            case 0x00...0x7F: width = 1
            case 0xC2...0xDF: width = 2
            case 0xE0...0xEF: width = 3
            case 0xF0...0xF4: width = 4
            default: width = 0
            }
            var valid = width > 0 && i + width <= bytes.count
            if valid && width > 1 {
                valid = String(validating: bytes[i..<(i + width)], as: UTF8.self) != nil
            }
            if !valid {
                let hex = String(b, radix: 16, uppercase: true)
                return LoadError(SourceLocation(file: file, line: line, column: column),
                                 expected: "UTF-8 text", found: "the byte 0x\(hex.count == 1 ? "0" + hex : hex)",
                                 hint: "re-save the file as UTF-8 (iconv -f latin1 -t utf-8)")
            }
            if b == 0x0A { line += 1; column = 1 } else { column += 1 }
            i += width
        }
        return LoadError(SourceLocation(file: file, line: line, column: column), expected: "UTF-8 text", found: "invalid UTF-8")
    }
}
