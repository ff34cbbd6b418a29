/// The `w:type` of a WordprocessingML style, as the reader of templates and imported
/// documents and the .docx writer's template merge compare it.
enum OOXMLStyleType: String {
    case paragraph, table
}
