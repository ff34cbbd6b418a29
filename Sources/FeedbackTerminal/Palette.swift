import CNcursesw
import FeedbackInterface
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// How a `Style` becomes curses attributes: a colour pair per `ColorRole` when the terminal
/// has colours (and `NO_COLOR` is unset or empty), otherwise reverse video, bold, underline
/// and dim, so every role stays distinguishable on a monochrome terminal.
struct Palette {
    let usesColors: Bool

    /// Foreground and background per role; -1 is the terminal's own colour. Selection and
    /// muted use attributes instead of colours: reverse and dim read well on light and dark
    /// backgrounds alike, where "black on white" vanishes on a white terminal.
    private static let pairs: [(role: ColorRole, foreground: Int16, background: Int16)] = [
        (.header, Int16(COLOR_BLACK), Int16(COLOR_CYAN)),
        (.error, Int16(COLOR_RED), -1),
        (.warning, Int16(COLOR_YELLOW), -1),
        (.ok, Int16(COLOR_GREEN), -1),
        (.accent, Int16(COLOR_CYAN), -1),
        (.hazard, Int16(COLOR_MAGENTA), -1),
    ]

    /// Starts colours if wanted and possible; call after curses has started.
    init(colors wanted: Bool) {
        let noColor = getenv("NO_COLOR").map { $0.pointee != 0 } ?? false
        guard wanted, !noColor, has_colors(), start_color() != ERR else {
            usesColors = false
            return
        }
        let defaults = use_default_colors() != ERR
        guard feedback_colors() >= 8, feedback_color_pairs() > Int32(ColorRole.allCases.count) else {
            usesColors = false
            return
        }
        for entry in Palette.pairs {
            // Without default colours, -1 is not allowed: white on black stands in.
            let foreground = entry.foreground < 0 && !defaults ? Int16(COLOR_WHITE) : entry.foreground
            let background = entry.background < 0 && !defaults ? Int16(COLOR_BLACK) : entry.background
            _ = init_pair(Int16(entry.role.rawValue), foreground, background)
        }
        usesColors = true
    }

    /// The attributes and colour pair for a style.
    func attributes(for style: Style) -> (attributes: attr_t, pair: Int16) {
        var attributes = feedback_a_normal()
        if style.bold { attributes |= feedback_a_bold() }
        if style.reverse { attributes |= feedback_a_reverse() }
        if style.underline { attributes |= feedback_a_underline() }
        var pair: Int16 = 0
        if usesColors {
            switch style.role {
            case .normal: break
            case .selection: attributes |= feedback_a_reverse()
            case .muted: attributes |= feedback_a_dim()
            case .hazard:
                pair = Int16(style.role.rawValue)
                attributes |= feedback_a_reverse()
            case .header, .error, .warning, .ok, .accent:
                pair = Int16(style.role.rawValue)
            }
        } else {
            switch style.role {
            case .normal, .ok: break
            case .header, .selection: attributes |= feedback_a_reverse()
            case .error: attributes |= feedback_a_bold() | feedback_a_underline()
            case .warning, .accent: attributes |= feedback_a_bold()
            case .muted: attributes |= feedback_a_dim()
            case .hazard: attributes |= feedback_a_reverse() | feedback_a_underline()
            }
        }
        return (attributes, pair)
    }
}
