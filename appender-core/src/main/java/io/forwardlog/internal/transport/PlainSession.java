package io.forwardlog.internal.transport;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.SocketChannel;

/** TCP as it is: the session adds nothing to the channel's bytes. */
final class PlainSession implements TransportSession {

    @Override
    public Progress handshake(SocketChannel channel) {
        return Progress.DONE;
    }

    @Override
    public int read(SocketChannel channel, ByteBuffer dst) throws IOException {
        return channel.read(dst);
    }

    @Override
    public long write(SocketChannel channel, ByteBuffer[] srcs) throws IOException {
        return channel.write(srcs);
    }

    @Override
    public boolean hasPendingOutput() {
        return false;
    }

    @Override
    public boolean flush(SocketChannel channel) {
        return true;
    }

    @Override
    public boolean closeOutput(SocketChannel channel) throws IOException {
        channel.shutdownOutput();
        return true;
    }
}
