'use strict';
/*
 * A TLS server for forwardlog's tests that says which cipher suite each handshake agreed, by OpenSSL's
 * name and by the standard (IANA) name, as the OpenSSL that Node.js is built with maps them: forwardlog's
 * table of OpenSSL names is checked against it. It serves every suite OpenSSL has, TLS 1.2 and 1.3.
 *
 *   node tls-cipher-names.js KEY CERT [KEY CERT]...     (PEM files; one pair per key type: RSA, EC, DSA)
 *
 * stdout: one line "READY <port>", then one line per handshake, "<protocol> <OpenSSL name> <IANA name>",
 * or "ERROR <reason>" for a handshake that failed. The process exits when its stdin closes.
 */
const fs = require('fs');
const tls = require('tls');

const args = process.argv.slice(2);
if (args.length === 0 || args.length % 2 !== 0) {
  process.stderr.write('tls-cipher-names.js: give KEY CERT pairs\n');
  process.exit(2);
}
const keys = [];
const certs = [];
for (let i = 0; i < args.length; i += 2) {
  keys.push(fs.readFileSync(args[i]));
  certs.push(fs.readFileSync(args[i + 1]));
}

const TLS13_SUITES = ['TLS_AES_128_GCM_SHA256', 'TLS_AES_256_GCM_SHA384', 'TLS_CHACHA20_POLY1305_SHA256',
  'TLS_AES_128_CCM_SHA256', 'TLS_AES_128_CCM_8_SHA256'];

const server = tls.createServer({
  key: keys,
  cert: certs,
  // every suite OpenSSL has, the weak ones included: the point is their names, not their strength
  ciphers: TLS13_SUITES.concat(['ALL', '@SECLEVEL=0']).join(':'),
  minVersion: 'TLSv1.2',
  dhparam: 'auto',
}, (socket) => {
  const cipher = socket.getCipher();
  process.stdout.write(`${socket.getProtocol()} ${cipher.name} ${cipher.standardName}\n`);
  socket.end();
});
server.on('tlsClientError', (error) => {
  process.stdout.write(`ERROR ${String(error.message).split('\n')[0]}\n`);
});
server.listen(0, '127.0.0.1', () => {
  process.stdout.write(`READY ${server.address().port}\n`);
});

process.stdin.on('end', () => process.exit(0));
process.stdin.resume();
