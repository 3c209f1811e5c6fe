/**
 * The upstream file: reads Fluent Bit's upstream file (classic or YAML form) into an immutable
 * {@link io.forwardlog.upstream.Upstream} of {@link io.forwardlog.upstream.UpstreamNode}s.
 *
 * <p>Start at {@link io.forwardlog.upstream.UpstreamFile}. Where Fluent Bit is lax (a boolean that is
 * neither on nor off, a port that is not a number, an unset {@code ${VAR}}) this package is exact and says
 * what is wrong, with the file and line, in an {@link io.forwardlog.upstream.UpstreamFileException}.
 * Differences from Fluent Bit a user may notice:
 * <ul>
 *   <li>{@code tls.verify_hostname} defaults to on (Fluent Bit: off).</li>
 *   <li>{@code username}/{@code password} without {@code shared_key} is an error (Fluent Bit ignores them,
 *       as it does the handshake only with a shared key).</li>
 *   <li>{@code ${VAR}} is replaced in every value, including {@code tls} and {@code tls.verify}, which
 *       Fluent Bit reads before replacing.</li>
 *   <li>A key and its value may be separated by a tab as well as a space.</li>
 *   <li>{@code host} must be a DNS name, an IPv4 address or an IPv6 address without brackets (Fluent Bit
 *       fails at connect time); a value may not hold a control character; a key must be a name
 *       ({@code shared_key=abc} is an error, not an unknown key).</li>
 *   <li>Only regular files are read, each at most 1 MiB, all within 5 seconds; includes nest at most 32 deep
 *       and an upstream has at most 1,024 nodes.</li>
 * </ul>
 */
package io.forwardlog.upstream;
