/// The model as a tree of layers with dotted paths (`blocks.0.attn.q`), where a layer can be
/// replaced by path: the one mechanism for adapters, masks and other wrappers.
extension Model {
    /// Every layer after the embedding with its dotted path, each container before its sublayers.
    public var layerTree: [(path: String, layer: any Layer)] {
        var tree: [(path: String, layer: any Layer)] = []
        func visit(_ path: String, _ layer: any Layer) {
            tree.append((path, layer))
            guard let container = layer as? any LayerContainer else { return }
            for (name, sublayer) in container.sublayers { visit(path + "." + name, sublayer) }
        }
        for (name, layer) in layers { visit(name, layer) }
        return tree
    }

    /// Every linear layer (a Dense layer, or an adapter in its place) with its dotted path.
    public var linearLayers: [(name: String, layer: any LinearLayer)] {
        layerTree.compactMap { path, layer in (layer as? any LinearLayer).map { (path, $0) } }
    }

    /// Puts `replacement` in the place of the layer at `path`. Throws when no layer has that
    /// path, or when `replacement` cannot take its place.
    public func replaceLayer(at path: String, with replacement: any Layer) throws(ModelError) {
        if let index = layers.firstIndex(where: { $0.name == path }) {
            guard canReplace(layers[index].layer, with: replacement) else { throw .replacementDoesNotFit(path: path) }
            layers[index].layer = replacement
            return
        }
        for (parentPath, parent) in layerTree {
            guard let container = parent as? any LayerContainer else { continue }
            for (name, _) in container.sublayers where parentPath + "." + name == path {
                guard container.replaceSublayer(name, with: replacement) else { throw .replacementDoesNotFit(path: path) }
                return
            }
        }
        throw .noMatch(pattern: path)
    }
}
