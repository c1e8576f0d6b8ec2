import Jobs
import RunbookKit

/// The project's folders as the commands name them: beside the coldread.yaml their
/// `--config` found.
extension RunFolders {
    init(directory: Directory, options: ConfigOptions) {
        self.init(directory: directory, root: options.projectRoot(of: directory))
    }
}

extension RunbookCatalog {
    init(directory: Directory, options: ConfigOptions) {
        self.init(directory: directory, root: options.projectRoot(of: directory))
    }
}
