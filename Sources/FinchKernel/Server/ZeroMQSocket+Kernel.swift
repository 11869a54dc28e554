extension ZeroMQSocket {
    /// A socket of `kind` bound to `port` of `connection`, with the kernel's options (IPv6 when
    /// the address is, no incoming frame above the limit) and those `configure` sets: before the
    /// bind, as ZeroMQ gives a connection the options its socket had when it bound. With
    /// `listener`, a socket already listening on that port (see ``InheritedListeners``), the bind
    /// takes it over; should that fail, the socket is made again and binds the port itself.
    static func bound(_ kind: SocketKind, in context: ZeroMQContext, to connection: ConnectionInfo, port: Int,
                      limits: KernelLimits, lingerMilliseconds: Int32 = 1000, listener: Int32? = nil,
                      configure: (ZeroMQSocket) -> Void = { _ in }) throws(ZeroMQError) -> ZeroMQSocket {
        let socket = try ZeroMQSocket(kind, in: context, lingerMilliseconds: lingerMilliseconds)
        if connection.isIPv6 { socket.enableIPv6() }
        socket.limitIncomingFrames(toBytes: limits.maximumMessageBytes)
        configure(socket)
        guard let listener else {
            try socket.bind(connection.endpoint(port: port))
            return socket
        }
        socket.adoptListening(listener)
        do { try socket.bind(connection.endpoint(port: port)) } catch {
            socket.close()
            return try bound(kind, in: context, to: connection, port: port, limits: limits,
                             lingerMilliseconds: lingerMilliseconds, configure: configure)
        }
        return socket
    }
}
