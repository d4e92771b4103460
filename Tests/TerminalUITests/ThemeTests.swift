import Testing
import TerminalUI

struct ThemeTests {
    @Test func no_color_drops_every_colour_and_keeps_every_attribute() {
        for role in StyleRole.allCases {
            #expect(Theme.noColor[role].foreground == .default)
            #expect(Theme.noColor[role].background == .default)
            #expect(Theme.noColor[role].attributes == Theme.standard[role].attributes)
        }
        #expect(Theme.standard.usesColor)
        #expect(!Theme.noColor.usesColor)
    }

    @Test func roles_that_carry_meaning_are_visible_without_colour() {
        let meaningful: [StyleRole] = [.selected, .selectedUnfocused, .error, .warning, .borderFocused, .title, .header, .highlight]
        for role in meaningful {
            #expect(!Theme.noColor[role].attributes.isEmpty, "\(role) looks like plain text without colour")
        }
        #expect(Theme.noColor[.selected].attributes != Theme.noColor[.selectedUnfocused].attributes)
        #expect(Theme.noColor[.border].attributes != Theme.noColor[.borderFocused].attributes)
    }

    @Test func the_environment_chooses_no_color_only_when_it_is_set_and_not_empty() {
        #expect(Theme.forEnvironment(["NO_COLOR": "1"]) == .noColor)
        #expect(Theme.forEnvironment(["NO_COLOR": ""]) == .standard)
        #expect(Theme.forEnvironment([:]) == .standard)
    }

    @Test func a_style_adds_its_attributes_to_its_role() {
        #expect(Theme.noColor.resolve(Style(.normal, [.underline])).attributes == [.underline])
        #expect(Theme.standard.resolve(.selected) == Theme.Appearance(foreground: .cyan, attributes: [.reverse, .bold]))
        #expect(Theme.standard.resolve(Style(.error).adding(.reverse)).attributes == [.bold, .reverse])
    }

    @Test func missing_roles_look_like_normal_text() {
        let theme = Theme([.normal: Theme.Appearance(foreground: .green)])
        #expect(theme[.error] == Theme.Appearance(foreground: .green))
        #expect(Theme([:])[.title] == Theme.Appearance())
    }
}
