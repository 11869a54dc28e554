extension ZeroMQSocket {
    /// A socket of `kind` bound to `port` of `connection`, with the kernel's options: IPv6 when
    /// the address is, and no incoming frame above the limit.
    static func bound(_ kind: SocketKind, in context: ZeroMQContext, to connection: ConnectionInfo, port: Int,
                      limits: KernelLimits, lingerMilliseconds: Int32 = 1000) throws(ZeroMQError) -> ZeroMQSocket {
        let socket = try ZeroMQSocket(kind, in: context, lingerMilliseconds: lingerMilliseconds)
        if connection.isIPv6 { socket.enableIPv6() }
        socket.limitIncomingFrames(toBytes: limits.maximumMessageBytes)
        try socket.bind(connection.endpoint(port: port))
        return socket
    }
}
