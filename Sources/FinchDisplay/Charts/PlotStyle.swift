/// Which characters text charts draw with.
public enum PlotStyle: Sendable, Equatable {
    /// Unicode graphics: braille dots (2×4 per character) for lines, block elements for bars
    /// and sparklines, shades for heatmaps. Reads well in JupyterLab, `jupyter console` and
    /// modern terminals.
    case unicode
    /// Plain ASCII (`*`, `#`, `|`, `-`, `+`), for any terminal or font.
    case ascii
}
