/**
 * A throw-away public key infrastructure for TLS tests: a root CA and the server and client
 * certificates it issues, generated at test time and written as PEM files into a directory the test
 * owns, so that no key material is ever committed.
 *
 * <p>Start with {@link io.forwardlog.testkit.pki.TestPki#create(java.nio.file.Path)}. Every
 * certificate comes with its private key in the formats TLS stacks read (PKCS#8, PKCS#1, both also
 * password-encrypted), with a JDK {@link javax.net.ssl.SSLContext} for a test server, and with
 * in-memory key stores for JDK clients.
 */
package io.forwardlog.testkit.pki;
