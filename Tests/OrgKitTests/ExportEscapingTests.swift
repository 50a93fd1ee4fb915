import Testing
@testable import OrgKit

/// Each escaper works on Unicode scalars: a `"` followed by a combining mark is one
/// Swift `Character` but is still escaped.
@Suite("Export escaping")
struct ExportEscapingTests {
    let quoteWithMark = "a\"\u{301}b"

    @Test("XML: the five specials become entities, forbidden characters are dropped")
    func xml() {
        #expect(Escape.xml("<a href='x'>&\"</a>") == "&lt;a href=&#39;x&#39;&gt;&amp;&quot;&lt;/a&gt;")
        #expect(Escape.xml(quoteWithMark) == "a&quot;\u{301}b")
        #expect(Escape.xml("a\u{0}b\u{1B}c\u{FFFE}d\u{FFFF}e\tf\ng") == "abcde\tf\ng")
        #expect(Escape.xml("王芳 Zoë 😀") == "王芳 Zoë 😀")
    }

    @Test("DOT: backslash, quote, line breaks and control characters")
    func dot() {
        #expect(Escape.dot(#"a\Nb"c"#) == #"a\\Nb\"c"#)
        #expect(Escape.dot(quoteWithMark) == "a\\\"\u{301}b")
        #expect(Escape.dot("one\r\ntwo\nthree\rfour") == #"one\ntwo\nthree\nfour"#)
        #expect(Escape.dot("t\tab\u{0}\u{7}\u{7F}\u{85}\u{FFFE}x") == "t abx")
        #expect(Escape.dot("A & B &lt;") == "A &amp; B &amp;lt;")
    }

    @Test("CSV: always quoted, quotes doubled, formula triggers guarded and unguarded exactly")
    func csv() {
        #expect(Escape.csvField("plain") == "\"plain\"")
        #expect(Escape.csvField("say \"hi\", ok") == "\"say \"\"hi\"\", ok\"")
        #expect(Escape.csvField(quoteWithMark) == "\"a\"\"\u{301}b\"")
        for trigger in ["=1+1", "+1", "-1", "@SUM(A1)", "\tx", "\rx", "\nx"] {
            #expect(Escape.csvField(trigger) == "\"'" + trigger + "\"", "\(trigger.debugDescription)")
        }
        #expect(Escape.csvField("'=x") == "\"''=x\"")
        #expect(Escape.csvField("'plain") == "\"'plain\"")
        for original in ["=1+1", "'=x", "''@y", "'plain", "''", "", "-", "x=1"] {
            let guarded = String(Escape.csvField(original).dropFirst().dropLast())
            #expect(Escape.unguardFormula(guarded) == original, "\(original)")
        }
    }

    @Test("Markdown: specials escaped, nothing can start a block, a link or an autolink")
    func markdown() {
        #expect(Escape.markdownCell("a|b\\c") == #"a\|b\\c"#)
        #expect(Escape.markdownCell("[x](javascript:y)") == #"\[x\](javascript:y)"#)
        #expect(Escape.markdownCell("https://a.b x: y") == #"https\://a.b x: y"#)
        #expect(Escape.markdownCell("A & B &amp; &#60;") == ##"A & B \&amp; \&\#60;"##)
        #expect(Escape.markdownCell("<b>*x*</b>") == #"\<b\>\*x\*\</b\>"#)
        #expect(Escape.markdownCell("# h") == ##"\# h"##)
        #expect(Escape.markdownCell("- x") == #"\- x"#)
        #expect(Escape.markdownCell("12. x") == #"12\. x"#)
        #expect(Escape.markdownCell("  x") == "&#32;&#32;x")
        #expect(Escape.markdownCell("www.a.b") == #"www\.a.b"#)
        #expect(Escape.markdownCell("a@b.c") == "a<!-- -->@b.c")
        #expect(Escape.markdownCell("line\r\nbreak\ttab") == "line break tab")
        #expect(Escape.markdownCell("Zoë Müller") == "Zoë Müller")
    }

    @Test("Mermaid: quote, hash, percent and HTML specials become entity codes")
    func mermaid() {
        #expect(Escape.mermaidLabel(quoteWithMark) == "a#quot;\u{301}b")
        #expect(Escape.mermaidLabel("%%{init}%%") == "#37;#37;{init}#37;#37;")
        #expect(Escape.mermaidLabel("#quot; <b>&`") == "#35;quot; #lt;b#gt;#amp;#96;")
        #expect(Escape.mermaidLabel("a\nb") == "a b")
    }

    @Test("one line: breaks become one space, controls and bidi overrides are dropped")
    func oneLine() {
        #expect(Escape.oneLine("a\r\nb\nc\rd\te") == "a b c d e")
        #expect(Escape.oneLine("x\u{0}\u{1B}\u{7F}\u{9B}y") == "xy")
        #expect(Escape.oneLine("\u{202E}abc\u{202C}\u{2066}d\u{2069}") == "abcd")
        #expect(Escape.oneLine("王芳") == "王芳")
    }
}
