import Foundation
import Testing
@testable import OrgKit
@testable import OrgTUI

/// Text fields under pastes and key bursts: a paste goes in at once, a field has a
/// maximum the user is told about, and pasted text is never taken as commands.
@Suite("Text input: pastes and long text")
struct TextInputTests {
    @Test("a paste goes in at the cursor in one edit; newlines and tabs become spaces, control characters are left out")
    func pasteInserts() {
        var field = TextField("Ana Silva")
        field.handle(.home)
        field.handle(.paste("Dr.\n\u{1B}[31m\tX "))
        #expect(field.text == "Dr. [31m X Ana Silva")
        #expect(field.cursor == 11)
        #expect(field.refused == 0)
    }

    @Test("a field holds at most 1,000 characters, counted as the file format counts them")
    func maximumLength() {
        var field = TextField()
        field.handle(.paste(String(repeating: "ab", count: 10_000)))
        #expect(field.characters.count == TextField.maxLength)
        #expect(field.refused == 19_000)
        field.handle(.character("z"))
        #expect(field.refused == 1)
        #expect(field.characters.count == TextField.maxLength)
        // Room made by deleting is room again; the count follows every kind of edit.
        field.handle(.control("w"))
        #expect(field.characters.isEmpty)
        field.handle(.paste(String(repeating: "e\u{301}", count: 600)))
        #expect(field.characters.count == 500, "each é is two scalars: 500 fit in 1,000")
        #expect(field.text.unicodeScalars.count == TextField.maxLength)
        field.handle(.backspace)
        field.handle(.character("x"))
        field.handle(.character("y"))
        #expect(field.refused == 0)
        #expect(field.text.hasSuffix("xy"))
    }

    @Test("the builder says when a field is full, for a paste and for typing")
    func fullFieldMessage() throws {
        var driver = try Driver()
        driver.key(.character("N"))
        driver.key(.control("u"))
        driver.key(.paste(String(repeating: "Northwind ", count: 1_000)))
        #expect(driver.state.status?.text == "Field holds 1,000 characters: 9,000 pasted ones left out")
        guard case .form(let form) = driver.state.dialogs.last else {
            Issue.record("the rename form closed")
            return
        }
        #expect(form.fields[0].input.characters.count == 1_000)
        driver.key(.character("x"))
        #expect(driver.state.status?.text == "Field holds 1,000 characters: nothing more fits")
        // What fits is kept: Enter renames the org to it, and the file format accepts it.
        driver.key(.enter)
        #expect(driver.state.document.org.name.count == 999, "the 1,000th character was a space, trimmed")
        #expect(OrgValidator.problems(in: driver.state.document.org).isEmpty)
    }

    @Test("a paste fills the find filter at once; outside a text field it does nothing and says so")
    func pasteOutsideFields() throws {
        var driver = try Driver()
        let before = driver.state.document.org
        // "dd" and "q" would delete and quit if taken as keys.
        driver.key(.paste("ddq"))
        #expect(driver.state.document.org == before)
        #expect(driver.state.dialogs.isEmpty)
        #expect(driver.effects.isEmpty)
        #expect(driver.state.status?.text == "Pasted text goes into a text field (a name, the / filter); nothing was changed")
        driver.key(.character("/"))
        driver.key(.paste("ana"))
        #expect(driver.screen.contains("Filter: ana"))
        #expect(driver.screen.contains("Ana Silva"))
    }
}
