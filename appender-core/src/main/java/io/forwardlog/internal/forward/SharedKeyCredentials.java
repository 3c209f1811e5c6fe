package io.forwardlog.internal.forward;

import java.nio.charset.StandardCharsets;
import java.util.Objects;
import java.util.Optional;

/**
 * What a client proves in the Forward handshake: its host name, the shared key and, when the server
 * has users, a username and password. {@link #toString()} never shows a secret.
 */
public final class SharedKeyCredentials {

    private final String selfHostname;
    private final byte[] sharedKey;
    private final Optional<String> username;
    private final byte[] password;

    public SharedKeyCredentials(String selfHostname, String sharedKey, Optional<String> username, Optional<String> password) {
        this.selfHostname = Objects.requireNonNull(selfHostname, "selfHostname");
        this.sharedKey = Objects.requireNonNull(sharedKey, "sharedKey").getBytes(StandardCharsets.UTF_8);
        this.username = Objects.requireNonNull(username, "username");
        this.password = password.orElse("").getBytes(StandardCharsets.UTF_8);
    }

    public String selfHostname() {
        return selfHostname;
    }

    byte[] sharedKey() {
        return sharedKey;
    }

    Optional<String> username() {
        return username;
    }

    byte[] password() {
        return password;
    }

    @Override
    public String toString() {
        return "SharedKeyCredentials[selfHostname=" + selfHostname + ", sharedKey=***"
                + username.map(u -> ", username=" + u + ", password=***").orElse("") + "]";
    }
}
