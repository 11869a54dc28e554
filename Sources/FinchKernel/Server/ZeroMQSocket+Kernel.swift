extension ZeroMQSocket {
    /// A socket of `kind` bound to `port` of `connection`, with the kernel's options (IPv6 when
    /// the address is, no incoming frame above the limit) and those `configure` sets: before the
    /// bind, as ZeroMQ gives a connection the options its socket had when it bound.
    static func bound(_ kind: SocketKind, in context: ZeroMQContext, to connection: ConnectionInfo, port: Int,
                      limits: KernelLimits, lingerMilliseconds: Int32 = 1000,
                      configure: (ZeroMQSocket) -> Void = { _ in }) throws(ZeroMQError) -> ZeroMQSocket {
        let socket = try ZeroMQSocket(kind, in: context, lingerMilliseconds: lingerMilliseconds)
        if connection.isIPv6 { socket.enableIPv6() }
        socket.limitIncomingFrames(toBytes: limits.maximumMessageBytes)
        configure(socket)
        try socket.bind(connection.endpoint(port: port))
        return socket
    }
}
