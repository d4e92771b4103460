import Testing

@testable import Scenarios

/// Operators bind as in JavaScript: `||` < `&&` < `== !=` < `< <= > >=` < `+ -` < `* / %` <
/// prefix (`- ! typeof await`) < member, index, call. All binary operators are left-associative.
@Suite struct PrecedenceTests {
    @Test(arguments: [
        ("1 + 2 * 3", "(+ 1 (* 2 3))"),
        ("1 * 2 + 3", "(+ (* 1 2) 3)"),
        ("1 - 2 - 3", "(- (- 1 2) 3)"),
        ("8 / 4 / 2", "(/ (/ 8 4) 2)"),
        ("7 % 4 * 2", "(* (% 7 4) 2)"),
        ("a + b < c - d", "(< (+ a b) (- c d))"),
        ("a < b == c > d", "(== (< a b) (> c d))"),
        ("a == b != c", "(!= (== a b) c)"),
        ("a && b || c && d", "(|| (&& a b) (&& c d))"),
        ("a || b || c", "(|| (|| a b) c)"),
        ("a == 1 && b != 2", "(&& (== a 1) (!= b 2))"),
        ("a <= b && c >= d", "(&& (<= a b) (>= c d))"),
        ("-a * b", "(* (- a) b)"),
        ("-a.b", "(- (. a b))"),
        ("!a == b", "(== (! a) b)"),
        ("!a.b(c)", "(! (call (. a b) c))"),
        ("typeof a == 'string'", "(== (typeof a) \"string\")"),
        ("await f(2) == 2", "(== (await (call f 2)) 2)"),
        ("await a.b.c(1) + 1", "(+ (await (call (. (. a b) c) 1)) 1)"),
        ("-await x", "(- (await x))"),
        ("a + -b", "(+ a (- b))"),
        ("a - -1", "(- a -1)"),
        ("(a + b) * (c - d)", "(* (+ a b) (- c d))"),
        ("x => a || b", "(=> (x) (|| a b))"),
        ("a || (x => 1)", "(|| a (=> (x) 1))"),
        ("-2 * 3", "(* -2 3)"),
        ("2 * -3", "(* 2 -3)"),
    ])
    func binding(text: String, tree: String) {
        #expect(T.sxe(text) == tree)
    }

    @Test func everyOperatorHasItsLevel() {
        #expect(BinaryOperator.allCases.map(\.precedence) == [6, 6, 7, 7, 7, 4, 4, 5, 5, 5, 5, 3, 2])
        #expect(BinaryOperator.allCases.compactMap(\.comparison) == ComparisonOperator.allCases)
        #expect(ComparisonOperator.allCases.map(\.binaryOperator.rawValue) == ComparisonOperator.allCases.map(\.rawValue))
    }
}
