import Probes
import Runs

/// Colours of the charts: the Okabe–Ito palette, distinguishable with the common colour-vision deficiencies and
/// of different lightness, so that series stay apart printed in grey (pages print with exact colours).
public enum ChartPalette {
    public static let blue = "#0072B2"
    public static let orange = "#E69F00"
    public static let grey = "#8C8C8C"
    public static let green = "#009E73"
    public static let vermillion = "#D55E00"
    public static let purple = "#CC79A7"
    public static let sky = "#56B4E9"
    public static let black = "#1A1A1A"
    public static let yellow = "#F0E442"
    /// Axis lines and grid.
    public static let axis = "#555555"
    public static let grid = "#DDDDDD"

    /// The colour of a probe mode's bars.
    public static func colour(of mode: ProbeMode) -> String {
        switch mode {
        case .explicit: blue
        case .implicit: orange
        case .control: grey
        case .causal: purple
        }
    }

    /// The colour of a verdict category in variability strips; nil (not yet judged) is white with a border.
    public static func colour(of category: VerdictCategory?) -> String {
        switch category {
        case .recognised: green
        case .missed: vermillion
        case .unparseable: yellow
        case .refused: sky
        case .error: black
        case nil: "#FFFFFF"
        }
    }

    /// A sequential ramp from white (0) to dark blue (1) for heatmaps; the value is clamped to [0, 1].
    public static func ramp(_ t: Double) -> String {
        let x = t.isFinite ? min(1, max(0, t)) : 0
        // White → #08306B.
        let r = Int((255 - (255 - 8) * x).rounded())
        let g = Int((255 - (255 - 48) * x).rounded())
        let b = Int((255 - (255 - 107) * x).rounded())
        return "#" + [r, g, b].map { value in
            let hex = String(value, radix: 16, uppercase: true)
            return hex.count == 1 ? "0" + hex : hex
        }.joined()
    }

    /// Black or white, whichever reads better on a ramp colour of value `t`.
    public static func textColour(onRamp t: Double) -> String { t > 0.55 ? "#FFFFFF" : "#111111" }
}
