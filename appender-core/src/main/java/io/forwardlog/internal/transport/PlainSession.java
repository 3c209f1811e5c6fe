package io.forwardlog.internal.transport;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.SocketChannel;

/** TCP as it is: the session adds nothing to the channel's bytes. */
final class PlainSession implements TransportSession {

    private long received;

    @Override
    public Progress handshake(SocketChannel channel) {
        return Progress.DONE;
    }

    @Override
    public int read(SocketChannel channel, ByteBuffer dst) throws IOException {
        int n = channel.read(dst);
        if (n > 0) {
            received += n;
        }
        return n;
    }

    @Override
    public long bytesReceived() {
        return received;
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
