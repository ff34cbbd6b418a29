import CYaml
import Yams

/// Finds YAML anchors (`&name`) and aliases (`*name`) as the parser reports them: libyaml's
/// event stream (Yams' own copy, CYaml), in one pass with no node built, so an alias bomb in
/// any style (block or flow, as a key or a value) is refused in time linear in the file.
enum YAMLAnchors {
    struct Found: Equatable {
        var line: Int
        var column: Int
        /// "an anchor &name" or "an alias *name".
        var what: String
    }

    /// The first anchor or alias in the YAML text, or nil (also when the text is not valid
    /// YAML: composing it then reports the error).
    static func first(in bytes: [UInt8]) -> Found? {
        var parser = yaml_parser_t()
        guard yaml_parser_initialize(&parser) == 1 else { return nil }
        defer { yaml_parser_delete(&parser) }
        yaml_parser_set_encoding(&parser, YAML_UTF8_ENCODING)
        return bytes.withUnsafeBufferPointer { buffer -> Found? in
            yaml_parser_set_input_string(&parser, buffer.baseAddress, buffer.count)
            var event = yaml_event_t()
            while true {
                guard yaml_parser_parse(&parser, &event) == 1 else { return nil }
                defer { yaml_event_delete(&event) }
                let line = Int(event.start_mark.line) + 1
                let column = Int(event.start_mark.column) + 1
                switch event.type {
                case YAML_STREAM_END_EVENT:
                    return nil
                case YAML_ALIAS_EVENT:
                    return Found(line: line, column: column, what: "an alias *" + name(event.data.alias.anchor))
                case YAML_SCALAR_EVENT where event.data.scalar.anchor != nil:
                    return Found(line: line, column: column, what: "an anchor &" + name(event.data.scalar.anchor))
                case YAML_SEQUENCE_START_EVENT where event.data.sequence_start.anchor != nil:
                    return Found(line: line, column: column, what: "an anchor &" + name(event.data.sequence_start.anchor))
                case YAML_MAPPING_START_EVENT where event.data.mapping_start.anchor != nil:
                    return Found(line: line, column: column, what: "an anchor &" + name(event.data.mapping_start.anchor))
                default:
                    continue
                }
            }
        }
    }

    private static func name(_ pointer: UnsafeMutablePointer<yaml_char_t>?) -> String {
        guard let pointer else { return "" }
        let text = String(cString: UnsafeRawPointer(pointer).assumingMemoryBound(to: CChar.self))
        return String(text.prefix(40))
    }

    /// The first node of a composed tree that carries an anchor or is an alias, or nil.
    /// (Without aliases the tree is as large as the file, so the walk is linear.)
    static func firstAnchoredNode(in root: Node) -> Node? {
        var stack = [root]
        while let node = stack.popLast() {
            if node.anchor != nil { return node }
            switch node {
            case .alias: return node
            case .scalar: continue
            case .sequence(let sequence): stack.append(contentsOf: sequence.reversed())
            case .mapping(let mapping):
                for (key, value) in mapping.reversed() {
                    stack.append(value)
                    stack.append(key)
                }
            }
        }
        return nil
    }
}
