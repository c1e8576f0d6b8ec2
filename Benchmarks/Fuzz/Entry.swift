import Foundation

#if FUZZING
/// libFuzzer's entry points. SwiftPM links an executable's `main` to
/// `coldread_fuzz_main`, so that function hands the command line to libFuzzer's driver.
@_silgen_name("LLVMFuzzerRunDriver")
func LLVMFuzzerRunDriver(
    _ argc: UnsafeMutablePointer<CInt>,
    _ argv: UnsafeMutablePointer<UnsafeMutablePointer<UnsafeMutablePointer<CChar>?>?>,
    _ callback: @convention(c) (UnsafePointer<UInt8>?, Int) -> CInt
) -> CInt

nonisolated(unsafe) let selectedTarget = FuzzTarget.fromEnvironment

@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzOneInput(_ data: UnsafePointer<UInt8>?, _ size: Int) -> CInt {
    selectedTarget.run(UnsafeRawBufferPointer(start: data, count: size))
    return 0
}

@_cdecl("coldread_fuzz_main")
func fuzzMain(_ argc: CInt, _ argv: UnsafeMutablePointer<UnsafeMutablePointer<CChar>?>?) -> CInt {
    var count = argc
    var arguments = argv
    _ = selectedTarget
    return LLVMFuzzerRunDriver(&count, &arguments) { fuzzOneInput($0, $1) }
}
#else
/// Without libFuzzer (`swift build`), the same binary replays saved inputs:
/// `coldread-fuzz TARGET FILE…`, so a crash found by `Benchmarks/fuzz` can be re-run
/// under a debugger and kept as a regression input.
@main
struct FuzzReplay {
    static func main() {
        let arguments = CommandLine.arguments.dropFirst()
        guard let name = arguments.first, let target = FuzzTarget(rawValue: name) else {
            let names = FuzzTarget.allCases.map(\.rawValue).joined(separator: "|")
            FileHandle.standardError.write(Data("usage: coldread-fuzz \(names) FILE…\n".utf8))
            exit(2)
        }
        for file in arguments.dropFirst() {
            guard let data = FileManager.default.contents(atPath: file) else {
                FileHandle.standardError.write(Data("coldread-fuzz: cannot read \(file)\n".utf8))
                exit(2)
            }
            data.withUnsafeBytes { target.run($0) }
            print("\(file): ok")
        }
    }
}
#endif
