/// Namespaces, relationship types and content types of Office Open XML (ECMA-376).
enum OOXML {
    static let w = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"
    static let r = "http://schemas.openxmlformats.org/officeDocument/2006/relationships"
    static let packageRelationships = "http://schemas.openxmlformats.org/package/2006/relationships"
    static let contentTypes = "http://schemas.openxmlformats.org/package/2006/content-types"

    enum Relationship {
        static let base = "http://schemas.openxmlformats.org/officeDocument/2006/relationships/"
        static let officeDocument = base + "officeDocument"
        static let coreProperties = "http://schemas.openxmlformats.org/package/2006/relationships/metadata/core-properties"
        static let extendedProperties = base + "extended-properties"
        static let styles = base + "styles"
        static let numbering = base + "numbering"
        static let settings = base + "settings"
        static let fontTable = base + "fontTable"
        static let theme = base + "theme"
        static let header = base + "header"
        static let footer = base + "footer"
        static let image = base + "image"
    }

    enum ContentType {
        static let prefix = "application/vnd.openxmlformats-officedocument.wordprocessingml."
        static let document = prefix + "document.main+xml"
        static let template = prefix + "template.main+xml"
        static let styles = prefix + "styles+xml"
        static let numbering = prefix + "numbering+xml"
        static let settings = prefix + "settings+xml"
        static let fontTable = prefix + "fontTable+xml"
        static let header = prefix + "header+xml"
        static let footer = prefix + "footer+xml"
        static let theme = "application/vnd.openxmlformats-officedocument.theme+xml"
        static let core = "application/vnd.openxmlformats-package.core-properties+xml"
        static let app = "application/vnd.openxmlformats-officedocument.extended-properties+xml"
        static let relationships = "application/vnd.openxmlformats-package.relationships+xml"

        /// Content types of media a template's header or footer may use, by file extension.
        static let media: [String: String] = [
            "png": "image/png", "jpeg": "image/jpeg", "jpg": "image/jpeg", "gif": "image/gif",
            "bmp": "image/bmp", "tif": "image/tiff", "tiff": "image/tiff", "emf": "image/x-emf",
            "wmf": "image/x-wmf", "svg": "image/svg+xml",
        ]
    }

    static let declaration = "<?xml version=\"1.0\" encoding=\"UTF-8\" standalone=\"yes\"?>\n"

    /// A4 in twentieths of a point, and 2.5 cm margins.
    static let pageWidth = 11906
    static let pageHeight = 16838
    static let margin = 1417
    static var textWidth: Int { pageWidth - 2 * margin }
    /// The text's width on an A4 page turned to landscape.
    static var landscapeTextWidth: Int { pageHeight - 2 * margin }
}
