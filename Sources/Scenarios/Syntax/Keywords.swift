/// The words the script language reserves.
enum Keywords {
    /// Words that start a statement when they come first on a line.
    static let statement: Set<String> = [
        "let", "const", "using", "expect", "dispose", "sleep", "settle", "step", "log", "request", "return",
    ]

    /// Words that can never name a variable or a parameter (they can still be property names:
    /// `e.name`, `{ step: 1 }`).
    static let reserved: Set<String> = statement.union([
        "catch", "throws", "new", "typeof", "await", "true", "false", "null", "undefined", "NaN", "Infinity",
        "rpcTarget", "Object",
    ])
}
