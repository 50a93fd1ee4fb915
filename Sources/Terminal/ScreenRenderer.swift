import OrgKit
import OrgTUI

/// One screen cell as the terminal will show it.
enum RenderedCell: Equatable, Sendable {
    /// One column of text.
    case narrow(String, Style)
    /// Two columns of text; the next cell is `covered`.
    case wide(String, Style)
    /// The right half of the wide cell to its left: never written.
    case covered
}

/// The visible part of a Canvas, cell by cell, as the terminal will show it.
struct RenderedScreen: Equatable, Sendable {
    var size: Size
    var cells: [RenderedCell]

    subscript(x: Int, y: Int) -> RenderedCell { cells[y * size.width + x] }
}

/// One write to the terminal.
struct CellWrite: Equatable, Sendable {
    var x: Int
    var y: Int
    var text: String
    var style: Style
    var wide: Bool
}

/// The pure part of drawing: which text goes in which cell (clipped to the screen, with
/// the ASCII fallback when there is no UTF-8 locale), and which cells changed.
enum ScreenRenderer {
    /// - Parameter terminalWidth: how many columns the terminal's character tables (libc
    ///   `wcwidth`) give a scalar; a grapheme whose width there disagrees with the canvas
    ///   is replaced so that curses' idea of the screen and the canvas stay in step.
    static func render(_ canvas: Canvas, screen: Size, unicode: Bool, terminalWidth: (Unicode.Scalar) -> Int) -> RenderedScreen {
        let width = min(canvas.size.width, screen.width)
        let height = min(canvas.size.height, screen.height)
        var cells: [RenderedCell] = []
        cells.reserveCapacity(width * height)
        for y in 0..<height {
            var previousWasWide = false
            for x in 0..<width {
                let cell = canvas[x, y]
                let rendered: RenderedCell
                if cell.isContinuation {
                    // Covered by the wide grapheme to the left, or, when that could not be
                    // drawn wide, a space so nothing stale shows through.
                    rendered = previousWasWide ? .covered : .narrow(" ", cell.style)
                } else {
                    let fitsWide = x + 1 < width && canvas[x + 1, y].isContinuation
                    rendered = renderGrapheme(cell, fitsWide: fitsWide, unicode: unicode, terminalWidth: terminalWidth)
                }
                if case .wide = rendered { previousWasWide = true } else { previousWasWide = false }
                cells.append(rendered)
            }
        }
        return RenderedScreen(size: Size(width: width, height: height), cells: cells)
    }

    private static func renderGrapheme(_ cell: Cell, fitsWide: Bool, unicode: Bool, terminalWidth: (Unicode.Scalar) -> Int) -> RenderedCell {
        let text = cell.text
        let columns = DisplayWidth.of(text)
        guard unicode else {
            return .narrow(columns == 2 ? AsciiFallback.wideReplacement : AsciiFallback.cell(text), cell.style)
        }
        guard let first = text.unicodeScalars.first, columns > 0 else { return .narrow(" ", cell.style) }
        if text.unicodeScalars.count == 1, first.value < 0x7F { return .narrow(text, cell.style) }
        let terminalColumns = terminalWidth(first)
        if columns == 2 {
            // A wide grapheme cut by the right edge (or missing its continuation) is a space.
            guard fitsWide else { return .narrow(" ", cell.style) }
            if terminalColumns == 2 { return .wide(text, cell.style) }
            // Wide only by an emoji selector the terminal tables ignore: draw the base
            // character narrow; the continuation cell becomes a space.
            if terminalColumns == 1 { return .narrow(String(first), cell.style) }
            return .narrow("?", cell.style)
        }
        return terminalColumns == 1 ? .narrow(text, cell.style) : .narrow("?", cell.style)
    }

    /// The writes that turn `previous` into `current`: every visible cell when there is no
    /// previous screen or its size differs, else only the cells that changed. Covered cells
    /// are never written.
    static func changes(from previous: RenderedScreen?, to current: RenderedScreen) -> [CellWrite] {
        let full = previous?.size != current.size
        var writes: [CellWrite] = []
        for y in 0..<current.size.height {
            for x in 0..<current.size.width {
                let cell = current[x, y]
                if !full, let previous, previous[x, y] == cell { continue }
                switch cell {
                case .narrow(let text, let style): writes.append(CellWrite(x: x, y: y, text: text, style: style, wide: false))
                case .wide(let text, let style): writes.append(CellWrite(x: x, y: y, text: text, style: style, wide: true))
                case .covered: break
                }
            }
        }
        return writes
    }
}
