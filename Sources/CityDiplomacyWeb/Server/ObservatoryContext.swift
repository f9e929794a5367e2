import Hummingbird

/// The request context of the observatory. Bodies are read by the handlers with the limit of
/// ``WebConfiguration/maxBodySize``; anything Hummingbird itself collects is held to the default.
public struct ObservatoryContext: RequestContext {
    public var coreContext: CoreRequestContextStorage

    public init(source: ApplicationRequestContextSource) {
        coreContext = .init(source: source)
    }

    public var maxUploadSize: Int { WebConfiguration().maxBodySize }
}
