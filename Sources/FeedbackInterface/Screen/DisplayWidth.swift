// GENERATED FILE: the tables below come from the Python wcwidth package 0.7.0
// (table_wide.py and table_zero.py at Unicode 17.0.0, table_vs16.py at 9.0.0)
// by the script in the comment block at the bottom of this file. Do not edit the tables
// by hand; re-run the script (instructions there).

/// Terminal cell width of Unicode scalars, from the wcwidth tables (Unicode 17.0.0).
///
/// Scalar-level facts only. C0/C1 controls (including U+0000) and U+00AD SOFT HYPHEN are
/// not special here: none of the three predicates is true for them, and the caller treats
/// controls separately. Combining a sequence into grapheme clusters (emoji ZWJ sequences,
/// skin-tone modifiers, regional-indicator pairs) is also the caller's business.
public enum DisplayWidth {
    /// East Asian Wide/Fullwidth and emoji-presentation scalars: two cells.
    public static func isWide(_ scalar: Unicode.Scalar) -> Bool {
        let value = scalar.value
        if value < 0x0300 { return false }
        return search(wideRanges, value)
    }

    /// Combining marks, variation selectors, ZWJ and other scalars that take no cell of their own
    /// when they follow a base character.
    ///
    /// This is wcwidth's zero-width table: combining marks (general categories Mn, Me and
    /// Mc), format characters (Cf) other than U+00AD SOFT HYPHEN and the prepended
    /// concatenation marks such as U+0600, U+2028/U+2029, the Hangul Jamo medial vowels and
    /// final consonants, and the block U+E0000...U+E0FFF. Among them: U+200B...U+200F
    /// (ZWSP, ZWNJ, ZWJ, LRM, RLM), U+FEFF and the variation selectors U+FE00...U+FE0F and
    /// U+E0100...U+E01EF.
    public static func isZeroWidth(_ scalar: Unicode.Scalar) -> Bool {
        let value = scalar.value
        if value < 0x0300 { return false }
        return search(zeroWidthRanges, value)
    }

    /// Whether a scalar with VS16 (U+FE0F) after it becomes two cells wide (table_vs16).
    ///
    /// Only narrow scalars are listed (e.g. '#', '0'...'9', '©', '❤'); scalars that are
    /// already wide stay wide with or without VS16.
    public static func widensWithVS16(_ scalar: Unicode.Scalar) -> Bool {
        search(vs16Ranges, scalar.value)
    }

    /// Binary search of sorted, disjoint, inclusive ranges.
    @inline(__always)
    static func search(_ table: [(UInt32, UInt32)], _ value: UInt32) -> Bool {
        var low = 0
        var high = table.count
        while low < high {
            let middle = (low &+ high) &>> 1
            let range = table[middle]
            if value > range.1 {
                low = middle &+ 1
            } else if value < range.0 {
                high = middle
            } else {
                return true
            }
        }
        return false
    }

    // MARK: - Tables (generated)

    /// East Asian Wide (W) and Fullwidth (F) scalars, table_wide.py, Unicode 17.0.0; 125 ranges.
    static let wideRanges: [(UInt32, UInt32)] = [
        (0x01100, 0x0115F), (0x0231A, 0x0231B), (0x02329, 0x0232A), (0x023E9, 0x023EC),
        (0x023F0, 0x023F0), (0x023F3, 0x023F3), (0x025FD, 0x025FE), (0x02614, 0x02615),
        (0x02630, 0x02637), (0x02648, 0x02653), (0x0267F, 0x0267F), (0x0268A, 0x0268F),
        (0x02693, 0x02693), (0x026A1, 0x026A1), (0x026AA, 0x026AB), (0x026BD, 0x026BE),
        (0x026C4, 0x026C5), (0x026CE, 0x026CE), (0x026D4, 0x026D4), (0x026EA, 0x026EA),
        (0x026F2, 0x026F3), (0x026F5, 0x026F5), (0x026FA, 0x026FA), (0x026FD, 0x026FD),
        (0x02705, 0x02705), (0x0270A, 0x0270B), (0x02728, 0x02728), (0x0274C, 0x0274C),
        (0x0274E, 0x0274E), (0x02753, 0x02755), (0x02757, 0x02757), (0x02795, 0x02797),
        (0x027B0, 0x027B0), (0x027BF, 0x027BF), (0x02B1B, 0x02B1C), (0x02B50, 0x02B50),
        (0x02B55, 0x02B55), (0x02E80, 0x02E99), (0x02E9B, 0x02EF3), (0x02F00, 0x02FD5),
        (0x02FF0, 0x03029), (0x03030, 0x0303E), (0x03041, 0x03096), (0x0309B, 0x030FF),
        (0x03105, 0x0312F), (0x03131, 0x03163), (0x03165, 0x0318E), (0x03190, 0x031E5),
        (0x031EF, 0x0321E), (0x03220, 0x03247), (0x03250, 0x0A48C), (0x0A490, 0x0A4C6),
        (0x0A960, 0x0A97C), (0x0AC00, 0x0D7A3), (0x0F900, 0x0FAFF), (0x0FE10, 0x0FE19),
        (0x0FE30, 0x0FE52), (0x0FE54, 0x0FE66), (0x0FE68, 0x0FE6B), (0x0FF01, 0x0FF60),
        (0x0FFE0, 0x0FFE6), (0x16FE0, 0x16FE3), (0x16FF2, 0x16FF6), (0x17000, 0x18CD5),
        (0x18CFF, 0x18D1E), (0x18D80, 0x18DF2), (0x1AFF0, 0x1AFF3), (0x1AFF5, 0x1AFFB),
        (0x1AFFD, 0x1AFFE), (0x1B000, 0x1B122), (0x1B132, 0x1B132), (0x1B150, 0x1B152),
        (0x1B155, 0x1B155), (0x1B164, 0x1B167), (0x1B170, 0x1B2FB), (0x1D300, 0x1D356),
        (0x1D360, 0x1D376), (0x1F004, 0x1F004), (0x1F0CF, 0x1F0CF), (0x1F18E, 0x1F18E),
        (0x1F191, 0x1F19A), (0x1F1E6, 0x1F202), (0x1F210, 0x1F23B), (0x1F240, 0x1F248),
        (0x1F250, 0x1F251), (0x1F260, 0x1F265), (0x1F300, 0x1F320), (0x1F32D, 0x1F335),
        (0x1F337, 0x1F37C), (0x1F37E, 0x1F393), (0x1F3A0, 0x1F3CA), (0x1F3CF, 0x1F3D3),
        (0x1F3E0, 0x1F3F0), (0x1F3F4, 0x1F3F4), (0x1F3F8, 0x1F43E), (0x1F440, 0x1F440),
        (0x1F442, 0x1F4FC), (0x1F4FF, 0x1F53D), (0x1F54B, 0x1F54E), (0x1F550, 0x1F567),
        (0x1F57A, 0x1F57A), (0x1F595, 0x1F596), (0x1F5A4, 0x1F5A4), (0x1F5FB, 0x1F64F),
        (0x1F680, 0x1F6C5), (0x1F6CC, 0x1F6CC), (0x1F6D0, 0x1F6D2), (0x1F6D5, 0x1F6D8),
        (0x1F6DC, 0x1F6DF), (0x1F6EB, 0x1F6EC), (0x1F6F4, 0x1F6FC), (0x1F7E0, 0x1F7EB),
        (0x1F7F0, 0x1F7F0), (0x1F90C, 0x1F93A), (0x1F93C, 0x1F945), (0x1F947, 0x1F9FF),
        (0x1FA70, 0x1FA7C), (0x1FA80, 0x1FA8A), (0x1FA8E, 0x1FAC6), (0x1FAC8, 0x1FAC8),
        (0x1FACD, 0x1FADC), (0x1FADF, 0x1FAEA), (0x1FAEF, 0x1FAF8), (0x20000, 0x2FFFD),
        (0x30000, 0x3FFFD),
    ]

    /// Zero-width scalars, table_zero.py, Unicode 17.0.0, less controls; 336 ranges.
    static let zeroWidthRanges: [(UInt32, UInt32)] = [
        (0x00300, 0x0036F), (0x00483, 0x00489), (0x00591, 0x005BD), (0x005BF, 0x005BF),
        (0x005C1, 0x005C2), (0x005C4, 0x005C5), (0x005C7, 0x005C7), (0x00610, 0x0061A),
        (0x0061C, 0x0061C), (0x0064B, 0x0065F), (0x00670, 0x00670), (0x006D6, 0x006DC),
        (0x006DF, 0x006E4), (0x006E7, 0x006E8), (0x006EA, 0x006ED), (0x00711, 0x00711),
        (0x00730, 0x0074A), (0x007A6, 0x007B0), (0x007EB, 0x007F3), (0x007FD, 0x007FD),
        (0x00816, 0x00819), (0x0081B, 0x00823), (0x00825, 0x00827), (0x00829, 0x0082D),
        (0x00859, 0x0085B), (0x00897, 0x0089F), (0x008CA, 0x008E1), (0x008E3, 0x00903),
        (0x0093A, 0x0093C), (0x0093E, 0x0094F), (0x00951, 0x00957), (0x00962, 0x00963),
        (0x00981, 0x00983), (0x009BC, 0x009BC), (0x009BE, 0x009C4), (0x009C7, 0x009C8),
        (0x009CB, 0x009CD), (0x009D7, 0x009D7), (0x009E2, 0x009E3), (0x009FE, 0x009FE),
        (0x00A01, 0x00A03), (0x00A3C, 0x00A3C), (0x00A3E, 0x00A42), (0x00A47, 0x00A48),
        (0x00A4B, 0x00A4D), (0x00A51, 0x00A51), (0x00A70, 0x00A71), (0x00A75, 0x00A75),
        (0x00A81, 0x00A83), (0x00ABC, 0x00ABC), (0x00ABE, 0x00AC5), (0x00AC7, 0x00AC9),
        (0x00ACB, 0x00ACD), (0x00AE2, 0x00AE3), (0x00AFA, 0x00AFF), (0x00B01, 0x00B03),
        (0x00B3C, 0x00B3C), (0x00B3E, 0x00B44), (0x00B47, 0x00B48), (0x00B4B, 0x00B4D),
        (0x00B55, 0x00B57), (0x00B62, 0x00B63), (0x00B82, 0x00B82), (0x00BBE, 0x00BC2),
        (0x00BC6, 0x00BC8), (0x00BCA, 0x00BCD), (0x00BD7, 0x00BD7), (0x00C00, 0x00C04),
        (0x00C3C, 0x00C3C), (0x00C3E, 0x00C44), (0x00C46, 0x00C48), (0x00C4A, 0x00C4D),
        (0x00C55, 0x00C56), (0x00C62, 0x00C63), (0x00C81, 0x00C83), (0x00CBC, 0x00CBC),
        (0x00CBE, 0x00CC4), (0x00CC6, 0x00CC8), (0x00CCA, 0x00CCD), (0x00CD5, 0x00CD6),
        (0x00CE2, 0x00CE3), (0x00CF3, 0x00CF3), (0x00D00, 0x00D03), (0x00D3B, 0x00D3C),
        (0x00D3E, 0x00D44), (0x00D46, 0x00D48), (0x00D4A, 0x00D4D), (0x00D57, 0x00D57),
        (0x00D62, 0x00D63), (0x00D81, 0x00D83), (0x00DCA, 0x00DCA), (0x00DCF, 0x00DD4),
        (0x00DD6, 0x00DD6), (0x00DD8, 0x00DDF), (0x00DF2, 0x00DF3), (0x00E31, 0x00E31),
        (0x00E34, 0x00E3A), (0x00E47, 0x00E4E), (0x00EB1, 0x00EB1), (0x00EB4, 0x00EBC),
        (0x00EC8, 0x00ECE), (0x00F18, 0x00F19), (0x00F35, 0x00F35), (0x00F37, 0x00F37),
        (0x00F39, 0x00F39), (0x00F3E, 0x00F3F), (0x00F71, 0x00F84), (0x00F86, 0x00F87),
        (0x00F8D, 0x00F97), (0x00F99, 0x00FBC), (0x00FC6, 0x00FC6), (0x0102B, 0x0103E),
        (0x01056, 0x01059), (0x0105E, 0x01060), (0x01062, 0x01064), (0x01067, 0x0106D),
        (0x01071, 0x01074), (0x01082, 0x0108D), (0x0108F, 0x0108F), (0x0109A, 0x0109D),
        (0x01160, 0x011FF), (0x0135D, 0x0135F), (0x01712, 0x01715), (0x01732, 0x01734),
        (0x01752, 0x01753), (0x01772, 0x01773), (0x017B4, 0x017D3), (0x017DD, 0x017DD),
        (0x0180B, 0x0180F), (0x01885, 0x01886), (0x018A9, 0x018A9), (0x01920, 0x0192B),
        (0x01930, 0x0193B), (0x01A17, 0x01A1B), (0x01A55, 0x01A5E), (0x01A60, 0x01A7C),
        (0x01A7F, 0x01A7F), (0x01AB0, 0x01ADD), (0x01AE0, 0x01AEB), (0x01B00, 0x01B04),
        (0x01B34, 0x01B44), (0x01B6B, 0x01B73), (0x01B80, 0x01B82), (0x01BA1, 0x01BAD),
        (0x01BE6, 0x01BF3), (0x01C24, 0x01C37), (0x01CD0, 0x01CD2), (0x01CD4, 0x01CE8),
        (0x01CED, 0x01CED), (0x01CF4, 0x01CF4), (0x01CF7, 0x01CF9), (0x01DC0, 0x01DFF),
        (0x0200B, 0x0200F), (0x02028, 0x0202E), (0x02060, 0x0206F), (0x020D0, 0x020F0),
        (0x02CEF, 0x02CF1), (0x02D7F, 0x02D7F), (0x02DE0, 0x02DFF), (0x0302A, 0x0302F),
        (0x03099, 0x0309A), (0x03164, 0x03164), (0x0A66F, 0x0A672), (0x0A674, 0x0A67D),
        (0x0A69E, 0x0A69F), (0x0A6F0, 0x0A6F1), (0x0A802, 0x0A802), (0x0A806, 0x0A806),
        (0x0A80B, 0x0A80B), (0x0A823, 0x0A827), (0x0A82C, 0x0A82C), (0x0A880, 0x0A881),
        (0x0A8B4, 0x0A8C5), (0x0A8E0, 0x0A8F1), (0x0A8FF, 0x0A8FF), (0x0A926, 0x0A92D),
        (0x0A947, 0x0A953), (0x0A980, 0x0A983), (0x0A9B3, 0x0A9C0), (0x0A9E5, 0x0A9E5),
        (0x0AA29, 0x0AA36), (0x0AA43, 0x0AA43), (0x0AA4C, 0x0AA4D), (0x0AA7B, 0x0AA7D),
        (0x0AAB0, 0x0AAB0), (0x0AAB2, 0x0AAB4), (0x0AAB7, 0x0AAB8), (0x0AABE, 0x0AABF),
        (0x0AAC1, 0x0AAC1), (0x0AAEB, 0x0AAEF), (0x0AAF5, 0x0AAF6), (0x0ABE3, 0x0ABEA),
        (0x0ABEC, 0x0ABED), (0x0D7B0, 0x0D7FF), (0x0FB1E, 0x0FB1E), (0x0FE00, 0x0FE0F),
        (0x0FE20, 0x0FE2F), (0x0FEFF, 0x0FEFF), (0x0FFA0, 0x0FFA0), (0x0FFF0, 0x0FFFB),
        (0x101FD, 0x101FD), (0x102E0, 0x102E0), (0x10376, 0x1037A), (0x10A01, 0x10A03),
        (0x10A05, 0x10A06), (0x10A0C, 0x10A0F), (0x10A38, 0x10A3A), (0x10A3F, 0x10A3F),
        (0x10AE5, 0x10AE6), (0x10D24, 0x10D27), (0x10D69, 0x10D6D), (0x10EAB, 0x10EAC),
        (0x10EFA, 0x10EFF), (0x10F46, 0x10F50), (0x10F82, 0x10F85), (0x11000, 0x11002),
        (0x11038, 0x11046), (0x11070, 0x11070), (0x11073, 0x11074), (0x1107F, 0x11082),
        (0x110B0, 0x110BA), (0x110C2, 0x110C2), (0x11100, 0x11102), (0x11127, 0x11134),
        (0x11145, 0x11146), (0x11173, 0x11173), (0x11180, 0x11182), (0x111B3, 0x111C0),
        (0x111C9, 0x111CC), (0x111CE, 0x111CF), (0x1122C, 0x11237), (0x1123E, 0x1123E),
        (0x11241, 0x11241), (0x112DF, 0x112EA), (0x11300, 0x11303), (0x1133B, 0x1133C),
        (0x1133E, 0x11344), (0x11347, 0x11348), (0x1134B, 0x1134D), (0x11357, 0x11357),
        (0x11362, 0x11363), (0x11366, 0x1136C), (0x11370, 0x11374), (0x113B8, 0x113C0),
        (0x113C2, 0x113C2), (0x113C5, 0x113C5), (0x113C7, 0x113CA), (0x113CC, 0x113D0),
        (0x113D2, 0x113D2), (0x113E1, 0x113E2), (0x11435, 0x11446), (0x1145E, 0x1145E),
        (0x114B0, 0x114C3), (0x115AF, 0x115B5), (0x115B8, 0x115C0), (0x115DC, 0x115DD),
        (0x11630, 0x11640), (0x116AB, 0x116B7), (0x1171D, 0x1172B), (0x1182C, 0x1183A),
        (0x11930, 0x11935), (0x11937, 0x11938), (0x1193B, 0x1193E), (0x11940, 0x11940),
        (0x11942, 0x11943), (0x119D1, 0x119D7), (0x119DA, 0x119E0), (0x119E4, 0x119E4),
        (0x11A01, 0x11A0A), (0x11A33, 0x11A39), (0x11A3B, 0x11A3E), (0x11A47, 0x11A47),
        (0x11A51, 0x11A5B), (0x11A8A, 0x11A99), (0x11B60, 0x11B67), (0x11C2F, 0x11C36),
        (0x11C38, 0x11C3F), (0x11C92, 0x11CA7), (0x11CA9, 0x11CB6), (0x11D31, 0x11D36),
        (0x11D3A, 0x11D3A), (0x11D3C, 0x11D3D), (0x11D3F, 0x11D45), (0x11D47, 0x11D47),
        (0x11D8A, 0x11D8E), (0x11D90, 0x11D91), (0x11D93, 0x11D97), (0x11EF3, 0x11EF6),
        (0x11F00, 0x11F01), (0x11F03, 0x11F03), (0x11F34, 0x11F3A), (0x11F3E, 0x11F42),
        (0x11F5A, 0x11F5A), (0x13430, 0x13440), (0x13447, 0x13455), (0x1611E, 0x1612F),
        (0x16AF0, 0x16AF4), (0x16B30, 0x16B36), (0x16F4F, 0x16F4F), (0x16F51, 0x16F87),
        (0x16F8F, 0x16F92), (0x16FE4, 0x16FE4), (0x16FF0, 0x16FF1), (0x1BC9D, 0x1BC9E),
        (0x1BCA0, 0x1BCA3), (0x1CF00, 0x1CF2D), (0x1CF30, 0x1CF46), (0x1D165, 0x1D169),
        (0x1D16D, 0x1D182), (0x1D185, 0x1D18B), (0x1D1AA, 0x1D1AD), (0x1D242, 0x1D244),
        (0x1DA00, 0x1DA36), (0x1DA3B, 0x1DA6C), (0x1DA75, 0x1DA75), (0x1DA84, 0x1DA84),
        (0x1DA9B, 0x1DA9F), (0x1DAA1, 0x1DAAF), (0x1E000, 0x1E006), (0x1E008, 0x1E018),
        (0x1E01B, 0x1E021), (0x1E023, 0x1E024), (0x1E026, 0x1E02A), (0x1E08F, 0x1E08F),
        (0x1E130, 0x1E136), (0x1E2AE, 0x1E2AE), (0x1E2EC, 0x1E2EF), (0x1E4EC, 0x1E4EF),
        (0x1E5EE, 0x1E5EF), (0x1E6E3, 0x1E6E3), (0x1E6E6, 0x1E6E6), (0x1E6EE, 0x1E6EF),
        (0x1E6F5, 0x1E6F5), (0x1E8D0, 0x1E8D6), (0x1E944, 0x1E94A), (0xE0000, 0xE0FFF),
    ]

    /// Narrow scalars that VS16 makes wide, table_vs16.py, Unicode 9.0.0; 113 ranges.
    static let vs16Ranges: [(UInt32, UInt32)] = [
        (0x00023, 0x00023), (0x0002A, 0x0002A), (0x00030, 0x00039), (0x000A9, 0x000A9),
        (0x000AE, 0x000AE), (0x0203C, 0x0203C), (0x02049, 0x02049), (0x02122, 0x02122),
        (0x02139, 0x02139), (0x02194, 0x02199), (0x021A9, 0x021AA), (0x02328, 0x02328),
        (0x023CF, 0x023CF), (0x023ED, 0x023EF), (0x023F1, 0x023F2), (0x023F8, 0x023FA),
        (0x024C2, 0x024C2), (0x025AA, 0x025AB), (0x025B6, 0x025B6), (0x025C0, 0x025C0),
        (0x025FB, 0x025FC), (0x02600, 0x02604), (0x0260E, 0x0260E), (0x02611, 0x02611),
        (0x02618, 0x02618), (0x0261D, 0x0261D), (0x02620, 0x02620), (0x02622, 0x02623),
        (0x02626, 0x02626), (0x0262A, 0x0262A), (0x0262E, 0x0262F), (0x02638, 0x0263A),
        (0x02640, 0x02640), (0x02642, 0x02642), (0x0265F, 0x02660), (0x02663, 0x02663),
        (0x02665, 0x02666), (0x02668, 0x02668), (0x0267B, 0x0267B), (0x0267E, 0x0267E),
        (0x02692, 0x02692), (0x02694, 0x02697), (0x02699, 0x02699), (0x0269B, 0x0269C),
        (0x026A0, 0x026A0), (0x026A7, 0x026A7), (0x026B0, 0x026B1), (0x026C8, 0x026C8),
        (0x026CF, 0x026CF), (0x026D1, 0x026D1), (0x026D3, 0x026D3), (0x026E9, 0x026E9),
        (0x026F0, 0x026F1), (0x026F4, 0x026F4), (0x026F7, 0x026F9), (0x02702, 0x02702),
        (0x02708, 0x02709), (0x0270C, 0x0270D), (0x0270F, 0x0270F), (0x02712, 0x02712),
        (0x02714, 0x02714), (0x02716, 0x02716), (0x0271D, 0x0271D), (0x02721, 0x02721),
        (0x02733, 0x02734), (0x02744, 0x02744), (0x02747, 0x02747), (0x02763, 0x02764),
        (0x027A1, 0x027A1), (0x02934, 0x02935), (0x02B05, 0x02B07), (0x1F170, 0x1F171),
        (0x1F17E, 0x1F17F), (0x1F321, 0x1F321), (0x1F324, 0x1F32C), (0x1F336, 0x1F336),
        (0x1F37D, 0x1F37D), (0x1F396, 0x1F397), (0x1F399, 0x1F39B), (0x1F39E, 0x1F39F),
        (0x1F3CB, 0x1F3CE), (0x1F3D4, 0x1F3DF), (0x1F3F3, 0x1F3F3), (0x1F3F5, 0x1F3F5),
        (0x1F3F7, 0x1F3F7), (0x1F43F, 0x1F43F), (0x1F441, 0x1F441), (0x1F4FD, 0x1F4FD),
        (0x1F549, 0x1F54A), (0x1F56F, 0x1F570), (0x1F573, 0x1F579), (0x1F587, 0x1F587),
        (0x1F58A, 0x1F58D), (0x1F590, 0x1F590), (0x1F5A5, 0x1F5A5), (0x1F5A8, 0x1F5A8),
        (0x1F5B1, 0x1F5B2), (0x1F5BC, 0x1F5BC), (0x1F5C2, 0x1F5C4), (0x1F5D1, 0x1F5D3),
        (0x1F5DC, 0x1F5DE), (0x1F5E1, 0x1F5E1), (0x1F5E3, 0x1F5E3), (0x1F5E8, 0x1F5E8),
        (0x1F5EF, 0x1F5EF), (0x1F5F3, 0x1F5F3), (0x1F5FA, 0x1F5FA), (0x1F6CB, 0x1F6CB),
        (0x1F6CD, 0x1F6CF), (0x1F6E0, 0x1F6E5), (0x1F6E9, 0x1F6E9), (0x1F6F0, 0x1F6F0),
        (0x1F6F3, 0x1F6F3),
    ]
}

// MARK: - Generator
//
// To regenerate this file from the package root (needs `pip install wcwidth`):
//
//   sed -e '1,/^\/\/ >>> generator/d' -e '/^\/\/ <<< generator/,$d' -e 's|^// \{0,1\}||' \
//       Sources/FeedbackInterface/DisplayWidth.swift > /tmp/DisplayWidth.generate.py
//   python3 /tmp/DisplayWidth.generate.py > Sources/FeedbackInterface/DisplayWidth.swift
//
// >>> generator
// #!/usr/bin/env python3
// """Generate Sources/FeedbackInterface/DisplayWidth.swift from the Python wcwidth tables.
//
// Writes the whole Swift file to stdout, with this script's own text appended as a
// comment block so that the tables can be regenerated from the Swift file alone.
// Needs the `wcwidth` package (pip install wcwidth); deterministic output.
// """
// import sys
//
// import wcwidth
// from wcwidth.table_vs16 import VS16_NARROW_TO_WIDE
// from wcwidth.table_wide import WIDE_EASTASIAN
// from wcwidth.table_zero import ZERO_WIDTH
//
// # Scalars below this are never wide or zero-width (apart from C0/C1 controls, which the
// # caller handles), so isWide/isZeroWidth answer without searching. main() checks this.
// FAST_PATH_LIMIT = 0x300
//
//
// def latest(table):
//     """The newest Unicode version's entry of a wcwidth {version: ranges} table."""
//     version = max(table, key=lambda v: tuple(int(part) for part in v.split('.')))
//     return version, table[version]
//
//
// def to_set(ranges):
//     points = set()
//     for low, high in ranges:
//         assert low <= high, (hex(low), hex(high))
//         points.update(range(low, high + 1))
//     return points
//
//
// def to_ranges(points):
//     """Sorted, disjoint, non-adjacent inclusive ranges covering `points`."""
//     ranges = []
//     for point in sorted(points):
//         if ranges and ranges[-1][1] + 1 == point:
//             ranges[-1][1] = point
//         else:
//             ranges.append([point, point])
//     return [tuple(r) for r in ranges]
//
//
// def is_control(point):
//     return point < 0x20 or 0x7F <= point <= 0x9F
//
//
// def swift_table(name, ranges, doc):
//     lines = ['    /// %s; %d ranges.' % (doc, len(ranges)),
//              '    static let %s: [(UInt32, UInt32)] = [' % name]
//     for i in range(0, len(ranges), 4):
//         row = ', '.join('(0x%05X, 0x%05X)' % r for r in ranges[i:i + 4])
//         lines.append('        ' + row + ',')
//     lines.append('    ]')
//     return '\n'.join(lines)
//
//
// def main():
//     wide_version, wide_ranges = latest(WIDE_EASTASIAN)
//     zero_version, zero_ranges = latest(ZERO_WIDTH)
//     vs16_version, vs16_ranges = latest(VS16_NARROW_TO_WIDE)
//     assert wide_version == zero_version, (wide_version, zero_version)
//
//     wide = to_set(wide_ranges)
//     zero = to_set(zero_ranges)
//     vs16 = to_set(vs16_ranges)
//
//     # wcwidth() tests the zero-width table before the wide one; keep that precedence.
//     wide -= zero
//
//     # Below FAST_PATH_LIMIT only controls may appear (the zero table lists U+0000);
//     # controls are the caller's business, so drop them from the emitted tables.
//     for name, points in (('wide', wide), ('zero', zero)):
//         low = {p for p in points if p < FAST_PATH_LIMIT}
//         bad = sorted(p for p in low if not is_control(p))
//         if bad:
//             sys.exit('%s table has non-control scalars below U+%04X: %s; revisit the fast path'
//                      % (name, FAST_PATH_LIMIT, ', '.join('U+%04X' % p for p in bad)))
//         points -= low
//
//     template = TEMPLATE
//     replacements = {
//         '@WCWIDTH_VERSION@': wcwidth.__version__,
//         '@UNICODE_VERSION@': wide_version,
//         '@VS16_VERSION@': vs16_version,
//         '@FAST_PATH_LIMIT@': '0x%04X' % FAST_PATH_LIMIT,
//         '@WIDE_TABLE@': swift_table(
//             'wideRanges', to_ranges(wide),
//             'East Asian Wide (W) and Fullwidth (F) scalars, table_wide.py, Unicode %s' % wide_version),
//         '@ZERO_TABLE@': swift_table(
//             'zeroWidthRanges', to_ranges(zero),
//             'Zero-width scalars, table_zero.py, Unicode %s, less controls' % zero_version),
//         '@VS16_TABLE@': swift_table(
//             'vs16Ranges', to_ranges(vs16),
//             'Narrow scalars that VS16 makes wide, table_vs16.py, Unicode %s' % vs16_version),
//     }
//     for key, value in replacements.items():
//         template = template.replace(key, value)
//
//     with open(__file__, encoding='utf-8') as handle:
//         own_source = handle.read().rstrip('\n').split('\n')
//     generator = '\n'.join(('// ' + line) if line else '//' for line in own_source)
//     sys.stdout.write(template.replace('@GENERATOR@', generator))
//
//
// TEMPLATE = '''\
// // GENERATED FILE: the tables below come from the Python wcwidth package @WCWIDTH_VERSION@
// // (table_wide.py and table_zero.py at Unicode @UNICODE_VERSION@, table_vs16.py at @VS16_VERSION@)
// // by the script in the comment block at the bottom of this file. Do not edit the tables
// // by hand; re-run the script (instructions there).
//
// /// Terminal cell width of Unicode scalars, from the wcwidth tables (Unicode @UNICODE_VERSION@).
// ///
// /// Scalar-level facts only. C0/C1 controls (including U+0000) and U+00AD SOFT HYPHEN are
// /// not special here: none of the three predicates is true for them, and the caller treats
// /// controls separately. Combining a sequence into grapheme clusters (emoji ZWJ sequences,
// /// skin-tone modifiers, regional-indicator pairs) is also the caller's business.
// public enum DisplayWidth {
//     /// East Asian Wide/Fullwidth and emoji-presentation scalars: two cells.
//     public static func isWide(_ scalar: Unicode.Scalar) -> Bool {
//         let value = scalar.value
//         if value < @FAST_PATH_LIMIT@ { return false }
//         return search(wideRanges, value)
//     }
//
//     /// Combining marks, variation selectors, ZWJ and other scalars that take no cell of their own
//     /// when they follow a base character.
//     ///
//     /// This is wcwidth's zero-width table: combining marks (general categories Mn, Me and
//     /// Mc), format characters (Cf) other than U+00AD SOFT HYPHEN and the prepended
//     /// concatenation marks such as U+0600, U+2028/U+2029, the Hangul Jamo medial vowels and
//     /// final consonants, and the block U+E0000...U+E0FFF. Among them: U+200B...U+200F
//     /// (ZWSP, ZWNJ, ZWJ, LRM, RLM), U+FEFF and the variation selectors U+FE00...U+FE0F and
//     /// U+E0100...U+E01EF.
//     public static func isZeroWidth(_ scalar: Unicode.Scalar) -> Bool {
//         let value = scalar.value
//         if value < @FAST_PATH_LIMIT@ { return false }
//         return search(zeroWidthRanges, value)
//     }
//
//     /// Whether a scalar with VS16 (U+FE0F) after it becomes two cells wide (table_vs16).
//     ///
//     /// Only narrow scalars are listed (e.g. '#', '0'...'9', '©', '❤'); scalars that are
//     /// already wide stay wide with or without VS16.
//     public static func widensWithVS16(_ scalar: Unicode.Scalar) -> Bool {
//         search(vs16Ranges, scalar.value)
//     }
//
//     /// Binary search of sorted, disjoint, inclusive ranges.
//     @inline(__always)
//     static func search(_ table: [(UInt32, UInt32)], _ value: UInt32) -> Bool {
//         var low = 0
//         var high = table.count
//         while low < high {
//             let middle = (low &+ high) &>> 1
//             let range = table[middle]
//             if value > range.1 {
//                 low = middle &+ 1
//             } else if value < range.0 {
//                 high = middle
//             } else {
//                 return true
//             }
//         }
//         return false
//     }
//
//     // MARK: - Tables (generated)
//
// @WIDE_TABLE@
//
// @ZERO_TABLE@
//
// @VS16_TABLE@
// }
//
// // MARK: - Generator
// //
// // To regenerate this file from the package root (needs `pip install wcwidth`):
// //
// //   sed -e '1,/^\\/\\/ >>> generator/d' -e '/^\\/\\/ <<< generator/,$d' -e 's|^// \\{0,1\\}||' \\
// //       Sources/FeedbackInterface/DisplayWidth.swift > /tmp/DisplayWidth.generate.py
// //   python3 /tmp/DisplayWidth.generate.py > Sources/FeedbackInterface/DisplayWidth.swift
// //
// // >>> generator
// @GENERATOR@
// // <<< generator
// '''
//
// if __name__ == '__main__':
//     main()
// <<< generator
