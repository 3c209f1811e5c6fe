package io.forwardlog.upstream;

import java.util.regex.Pattern;

/**
 * Checks a node's {@code host} when the file is read, so that a mistyped host is an error with its line rather
 * than a failure at every connect. A host is one of:
 * <ul>
 *   <li>an IPv4 address: four numbers from 0 to 255 without leading zeros ({@code 010} would be octal to the C
 *       resolver Fluent Bit uses and decimal to Java's);</li>
 *   <li>an IPv6 address, without brackets and with an optional zone ({@code fe80::1%eth0}): Fluent Bit hands the
 *       host to {@code getaddrinfo} as written, which refuses {@code [::1]};</li>
 *   <li>a DNS name of RFC 1123 labels (letters, digits, {@code -}; 1 to 63 characters, not starting or ending
 *       with {@code -}; 253 characters in all, a final dot allowed), also accepting {@code _}, which resolvers
 *       accept and Docker Compose service names use.</li>
 * </ul>
 * A name whose labels are all numbers must be an IPv4 address.
 */
final class HostSyntax {

    private static final int MAX_NAME = 253;
    private static final int MAX_LABEL = 63;
    private static final Pattern NUMERIC_NAME = Pattern.compile("[0-9.]+");
    private static final Pattern IPV4 = Pattern.compile("(0|[1-9][0-9]{0,2})(\\.(0|[1-9][0-9]{0,2})){3}");
    private static final Pattern HEX_GROUP = Pattern.compile("[0-9A-Fa-f]{1,4}");
    private static final Pattern ZONE = Pattern.compile("[A-Za-z0-9_.\\-]+");
    private static final Pattern PORT = Pattern.compile("[0-9]{1,5}");

    private HostSyntax() {
    }

    /** {@code host} itself, once checked. */
    static String check(String host) throws NodeKeys.InvalidValue {
        String shown = "host '" + host + "'";
        for (int i = 0; i < host.length(); i++) {
            char c = host.charAt(i);
            if (c == ' ') {
                throw new NodeKeys.InvalidValue(shown + " contains a space; a host is a DNS name, an IPv4 address or"
                        + " an IPv6 address");
            }
            if (Character.isISOControl(c)) {
                throw new NodeKeys.InvalidValue(shown + " contains the control character " + Shown.codePoint(c));
            }
        }
        if (host.contains("://")) {
            throw new NodeKeys.InvalidValue(shown + " is a URL; give only the host name");
        }
        String unbracketed = host.startsWith("[") && host.endsWith("]") ? host.substring(1, host.length() - 1) : "";
        if (isIpv6(unbracketed)) {
            throw new NodeKeys.InvalidValue(shown + ": write an IPv6 address without brackets (" + unbracketed
                    + "); Fluent Bit passes the host to the resolver as written");
        }
        if (host.indexOf(':') >= 0) {
            return checkWithColon(host, shown);
        }
        if (NUMERIC_NAME.matcher(host).matches()) {
            if (!isIpv4(host)) {
                throw new NodeKeys.InvalidValue(shown + " is not a valid IPv4 address (four numbers from 0 to 255,"
                        + " without leading zeros)");
            }
            return host;
        }
        checkName(host, shown);
        return host;
    }

    private static String checkWithColon(String host, String shown) throws NodeKeys.InvalidValue {
        if (isIpv6(host)) {
            return host;
        }
        int colon = host.indexOf(':');
        if (colon == host.lastIndexOf(':') && PORT.matcher(host.substring(colon + 1)).matches()) {
            throw new NodeKeys.InvalidValue(shown + " includes a port; give the port with the port key");
        }
        throw new NodeKeys.InvalidValue(shown + " is not a valid IPv6 address");
    }

    private static void checkName(String host, String shown) throws NodeKeys.InvalidValue {
        for (int i = 0; i < host.length(); i++) {
            char c = host.charAt(i);
            if (c > 0x7F) {
                throw new NodeKeys.InvalidValue(shown + " contains '" + Character.toString(host.codePointAt(i))
                        + "', which a DNS name cannot; write an internationalized name in its ASCII form (xn--...)");
            }
            if (!(Character.isLetterOrDigit(c) || c == '-' || c == '_' || c == '.')) {
                throw new NodeKeys.InvalidValue(shown + " contains '" + c + "', which a DNS name cannot; a DNS name"
                        + " has letters, digits, '-' and '_' between dots");
            }
        }
        String name = host.endsWith(".") ? host.substring(0, host.length() - 1) : host;
        if (name.length() > MAX_NAME) {
            throw new NodeKeys.InvalidValue(shown + " is longer than " + MAX_NAME + " characters");
        }
        for (String label : name.split("\\.", -1)) {
            if (label.isEmpty()) {
                throw new NodeKeys.InvalidValue(shown + " has an empty label (two dots in a row, or a dot at the"
                        + " start)");
            }
            if (label.length() > MAX_LABEL) {
                throw new NodeKeys.InvalidValue(shown + " has a label longer than " + MAX_LABEL + " characters");
            }
            if (label.startsWith("-") || label.endsWith("-")) {
                throw new NodeKeys.InvalidValue(shown + " has a label that starts or ends with '-'");
            }
        }
    }

    private static boolean isIpv4(String text) {
        if (!IPV4.matcher(text).matches()) {
            return false;
        }
        for (String part : text.split("\\.")) {
            if (Integer.parseInt(part) > 255) {
                return false;
            }
        }
        return true;
    }

    /** RFC 4291 text form: eight groups, or fewer around one {@code ::}, the last two may be an IPv4 address. */
    private static boolean isIpv6(String text) {
        String address = text;
        int percent = text.indexOf('%');
        if (percent >= 0) {
            if (!ZONE.matcher(text.substring(percent + 1)).matches()) {
                return false;
            }
            address = text.substring(0, percent);
        }
        int lastColon = address.lastIndexOf(':');
        if (lastColon < 0) {
            return false;
        }
        // an IPv4 tail stands for two groups: it is replaced by one placeholder group and one more is counted
        int extra = 0;
        String tail = address.substring(lastColon + 1);
        if (tail.indexOf('.') >= 0) {
            if (!isIpv4(tail)) {
                return false;
            }
            address = address.substring(0, lastColon + 1) + "0";
            extra = 1;
        }
        int doubleColon = address.indexOf("::");
        if (doubleColon >= 0 && address.indexOf("::", doubleColon + 1) >= 0) {
            return false;
        }
        if (doubleColon < 0) {
            return countGroups(address) + extra == 8;
        }
        String before = address.substring(0, doubleColon);
        String after = address.substring(doubleColon + 2);
        int left = before.isEmpty() ? 0 : countGroups(before);
        int right = after.isEmpty() ? 0 : countGroups(after);
        return left >= 0 && right >= 0 && left + right + extra <= 7;
    }

    /** The number of hex groups in {@code a:b:c}, or -1 when one is not a group. */
    private static int countGroups(String text) {
        String[] parts = text.split(":", -1);
        for (String part : parts) {
            if (!HEX_GROUP.matcher(part).matches()) {
                return -1;
            }
        }
        return parts.length;
    }
}
