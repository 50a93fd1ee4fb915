import OrgTUI
import Testing
@testable import Terminal

@Suite("Colours and their degradation")
struct StyleResolverTests {
    @Test("with colours: curses numbers, -1 for the terminal's default")
    func basicColors() {
        let resolved = StyleResolver.resolve(Style(foreground: .red, background: .blue), support: .basic, colors: 256)
        #expect(resolved == ResolvedStyle(foreground: 1, background: 4))
        #expect(StyleResolver.resolve(.plain, support: .basic, colors: 8) == ResolvedStyle())
        let numbers = Color.allCases.map { StyleResolver.number($0, colors: 256) }
        #expect(numbers == [-1, 0, 1, 2, 3, 4, 5, 6, 7, 8])
    }

    @Test("gray is bright black with 16+ colours, else white drawn dim")
    func gray() {
        #expect(StyleResolver.resolve(Style(foreground: .gray), support: .basic, colors: 16) == ResolvedStyle(foreground: 8))
        #expect(StyleResolver.resolve(Style(foreground: .gray), support: .basic, colors: 8) == ResolvedStyle(dim: true, foreground: 7))
        #expect(StyleResolver.resolve(Style(background: .gray), support: .basic, colors: 8) == ResolvedStyle(background: 7))
    }

    @Test("attributes always map")
    func attributes() {
        for support in [ColorSupport.none, .basic] {
            let resolved = StyleResolver.resolve(Style(bold: true, dim: true, reverse: true, underline: true), support: support, colors: 8)
            #expect(resolved.bold && resolved.dim && resolved.reverse && resolved.underline)
        }
    }

    @Test("without colours: red is bold + underline, yellow bold, other colours plain")
    func degradeForeground() {
        #expect(StyleResolver.resolve(Style(foreground: .red), support: .none, colors: 0) == ResolvedStyle(bold: true, underline: true))
        #expect(StyleResolver.resolve(Style(foreground: .yellow), support: .none, colors: 0) == ResolvedStyle(bold: true))
        for color in [Color.standard, .black, .green, .blue, .magenta, .cyan, .white, .gray] {
            #expect(StyleResolver.resolve(Style(foreground: color), support: .none, colors: 256) == ResolvedStyle(), "\(color)")
        }
    }

    @Test("without colours: any background colour becomes reverse video")
    func degradeBackground() {
        for color in Color.allCases where color != .standard {
            #expect(StyleResolver.resolve(Style(background: color), support: .none, colors: 256) == ResolvedStyle(reverse: true), "\(color)")
        }
        let selected = StyleResolver.resolve(Style(foreground: .red, background: .blue, dim: true), support: .none, colors: 256)
        #expect(selected == ResolvedStyle(bold: true, dim: true, reverse: true, underline: true))
        #expect(!selected.usesColor)
    }

    @Test("NO_COLOR turns colour off when present and not empty")
    func noColor() {
        #expect(Preflight.colorWanted(environment: [:]))
        #expect(Preflight.colorWanted(environment: ["NO_COLOR": ""]))
        #expect(!Preflight.colorWanted(environment: ["NO_COLOR": "1"]))
        #expect(!Preflight.colorWanted(environment: ["NO_COLOR": "yes"]))
    }
}
