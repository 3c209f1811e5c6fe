package io.forwardlog.testkit;

import java.net.InetAddress;
import java.util.Map;
import java.util.Optional;
import javax.net.ssl.SSLContext;

/** The receiver's validated, immutable settings. Secrets never appear in {@link #toString()}. */
record Settings(InetAddress host, int port, String name, Optional<SSLContext> tls, boolean requireClientCertificate,
                Optional<String> sharedKey, String serverHostname, Map<String, String> users,
                boolean udpHeartbeat, boolean keepalive) {

  Settings {
    users = Map.copyOf(users);
  }

  @Override
  public String toString() {
    return "Settings[host=" + host.getHostAddress() + ", port=" + port + ", name=" + name + ", tls=" + tls.isPresent()
        + ", requireClientCertificate=" + requireClientCertificate
        + ", sharedKey=" + (sharedKey.isPresent() ? "(set)" : "(none)")
        + ", serverHostname=" + serverHostname + ", users=" + users.keySet()
        + ", udpHeartbeat=" + udpHeartbeat + ", keepalive=" + keepalive + "]";
  }
}
