import ArgumentParser
import Jobs

/// The author side of `gap`: one person or one team, named by exactly one of two flags.
struct AuthorSide: ParsableArguments {
    @Option(help: "The author: a person in the directory.")
    var author: String?

    @Option(help: "The author's team: a group in the directory (every member counts as an author).")
    var authorTeam: String?

    func validate() throws {
        if (author == nil) == (authorTeam == nil) { throw ValidationError("name the author with exactly one of --author or --author-team") }
    }

    /// The side as `GapJob` takes it (`validate` has made sure one flag is given).
    var party: GapParty { author.map(GapParty.person) ?? .team(authorTeam ?? "") }
}

/// The reader side of `gap`: one person or a whole rotation, named by exactly one of two flags.
struct ReaderSide: ParsableArguments {
    @Option(help: "The reader: a person in the directory.")
    var reader: String?

    @Option(help: "The executing rotation: every member is a reader.")
    var rotation: String?

    func validate() throws {
        if (reader == nil) == (rotation == nil) { throw ValidationError("name the reader with exactly one of --reader or --rotation") }
    }

    /// The side as `GapJob` takes it (`validate` has made sure one flag is given).
    var party: GapParty { reader.map(GapParty.person) ?? .rotation(rotation ?? "") }
}
