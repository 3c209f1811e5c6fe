'use strict';
/*
 * An independent Forward server for forwardlog's interop tests: the Fluent project's own
 * FluentServer (@fluent-org/logger), listening on 127.0.0.1 on a free port.
 *
 *   node fluent-server.js [--shared-key K] [--server-hostname H] [--user NAME:PASSWORD]...
 *                         [--tls-key PATH --tls-cert PATH [--tls-ca PATH --request-cert]]
 *
 * stdout: one line "READY <port>", then one JSON line per received entry
 *   {"tag":"...","time":{"seconds":s,"nanos":n} or a number,"record":{...}}
 * and one {"error":"<peer>: <reason>"} line for each connection the server drops.
 * Values that JSON cannot hold: {"$bin":"<base64>"}, {"$eventTime":{"seconds":s,"nanos":n}},
 * {"$ext":{"type":t,"data":"<base64>"}}, {"$number":"NaN"}.
 * The process exits on SIGTERM, SIGINT, or when its stdin closes.
 */
const fs = require('fs');
const { FluentServer, EventTime } = require('@fluent-org/logger');
// FluentServer calls these through the module object, so wrapping them here lets us see why it
// drops a connection (it swallows every error); the library files stay untouched.
const protocol = require('@fluent-org/logger/build/src/protocol');

const DEFAULT_SERVER_HOSTNAME = 'node-fluent-server';

function usage(message) {
  process.stderr.write(`fluent-server.js: ${message}\n`);
  process.exit(2);
}

function parseArgs(argv) {
  const options = { users: {}, requestCert: false };
  const valueOf = (i, name) => {
    if (i >= argv.length) {
      usage(`${name} needs a value`);
    }
    return argv[i];
  };
  for (let i = 0; i < argv.length; i++) {
    const name = argv[i];
    switch (name) {
      case '--shared-key': options.sharedKey = valueOf(++i, name); break;
      case '--server-hostname': options.serverHostname = valueOf(++i, name); break;
      case '--tls-key': options.tlsKey = valueOf(++i, name); break;
      case '--tls-cert': options.tlsCert = valueOf(++i, name); break;
      case '--tls-ca': options.tlsCa = valueOf(++i, name); break;
      case '--request-cert': options.requestCert = true; break;
      case '--user': {
        const user = valueOf(++i, name);
        const colon = user.indexOf(':');
        if (colon <= 0) {
          usage('--user needs NAME:PASSWORD');
        }
        options.users[user.substring(0, colon)] = user.substring(colon + 1);
        break;
      }
      default: usage(`unknown argument '${name}'`);
    }
  }
  if (Object.keys(options.users).length > 0 && options.sharedKey === undefined) {
    usage('--user needs --shared-key (users are checked during the shared-key handshake)');
  }
  if ((options.tlsKey === undefined) !== (options.tlsCert === undefined)) {
    usage('--tls-key and --tls-cert go together');
  }
  if (options.requestCert && (options.tlsCa === undefined || options.tlsKey === undefined)) {
    usage('--request-cert needs --tls-key, --tls-cert and --tls-ca');
  }
  return options;
}

function serverOptions(options) {
  const result = { listenOptions: { host: '127.0.0.1', port: 0 } };
  if (options.sharedKey !== undefined) {
    const users = options.users;
    result.security = {
      serverHostname: options.serverHostname || DEFAULT_SERVER_HOSTNAME,
      sharedKey: options.sharedKey,
      authorize: Object.keys(users).length > 0,
      userDict: users,
    };
  }
  if (options.tlsKey !== undefined) {
    result.tlsOptions = {
      key: fs.readFileSync(options.tlsKey),
      cert: fs.readFileSync(options.tlsCert),
      ca: options.tlsCa === undefined ? undefined : fs.readFileSync(options.tlsCa),
      requestCert: options.requestCert,
      rejectUnauthorized: options.requestCert,
    };
  }
  return result;
}

let shuttingDown = false;

// stdout is a pipe, which Node writes synchronously on Linux: a line is out before the next one.
function writeLine(value) {
  process.stdout.write(`${JSON.stringify(value)}\n`);
}

function reportError(message) {
  if (!shuttingDown) {
    writeLine({ error: message });
  }
}

function base64(bytes) {
  return Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength).toString('base64');
}

function toJson(value) {
  if (value instanceof EventTime) {
    return { $eventTime: { seconds: value.epoch, nanos: value.nano } };
  }
  if (value instanceof Uint8Array) {
    return { $bin: base64(value) };
  }
  if (Array.isArray(value)) {
    return value.map(toJson);
  }
  if (typeof value === 'number' && !Number.isFinite(value)) {
    return { $number: String(value) };
  }
  if (typeof value === 'bigint') {
    return { $number: value.toString() };
  }
  if (value !== null && typeof value === 'object') {
    // @msgpack/msgpack's ExtData: an extension type other than EventTime
    if (value.constructor !== undefined && value.constructor.name === 'ExtData') {
      return { $ext: { type: value.type, data: base64(value.data) } };
    }
    const result = {};
    for (const [key, item] of Object.entries(value)) {
      result[key] = toJson(item);
    }
    return result;
  }
  return value;
}

function timeToJson(time) {
  return time instanceof EventTime ? { seconds: time.epoch, nanos: time.nano } : time;
}

function describe(frame) {
  const text = JSON.stringify(toJson(frame)) || String(frame);
  return text.length > 200 ? `${text.substring(0, 200)}...` : text;
}

/** One client connection, which reports at most one error: the first reason it was dropped. */
class Connection {
  constructor(socket) {
    this.peer = `${socket.remoteAddress}:${socket.remotePort}`;
    this.lastFrame = undefined;
    this.failed = false;
  }

  fail(reason) {
    if (!this.failed) {
      this.failed = true;
      reportError(`${this.peer}: ${reason}`);
    }
  }
}

const connections = new WeakMap();
// FluentServer handles each decoded frame synchronously, so this is the connection whose frame
// is being checked when checkPing or parseTransport throws.
let processing = null;

function rethrowAsFailure(name, describeFailure) {
  const original = protocol[name];
  protocol[name] = (...args) => {
    try {
      return original(...args);
    } catch (e) {
      if (processing !== null) {
        processing.fail(describeFailure(e));
      }
      throw e;
    }
  };
}

async function* observeFrames(connection, frames) {
  let consumed = false;
  try {
    for await (const frame of frames) {
      connection.lastFrame = frame;
      processing = connection;
      yield frame;
    }
    consumed = true;
  } catch (e) {
    consumed = true;
    connection.fail(`cannot decode the stream: ${e.message}`);
    throw e;
  } finally {
    // FluentServer stops reading early only when it rejects a frame it could decode.
    if (!consumed) {
      connection.fail(`unexpected message ${describe(connection.lastFrame)}`);
    }
  }
}

const decodeClientStream = protocol.decodeClientStream;
protocol.decodeClientStream = socket => {
  const connection = connections.get(socket) || new Connection(socket);
  return observeFrames(connection, decodeClientStream(socket));
};
rethrowAsFailure('checkPing', e => `handshake refused: ${e.message}`);
rethrowAsFailure('parseTransport', e => `cannot read the event frame: ${e.message}`);

function tlsFailure(error, socket) {
  if (socket.authorizationError) {
    // Node checks the client's chain after OpenSSL's handshake and then just destroys the socket,
    // which it reports as "socket hang up"
    return `client certificate refused: ${socket.authorizationError}`;
  }
  // OpenSSL's reason ("peer did not return a certificate") without its code, function and source line
  return error.reason || error.message.trim();
}

class ReportingFluentServer extends FluentServer {
  constructor(options) {
    super(options);
    // A TLS handshake failure never reaches handleConnection, and by the time Node reports it the
    // socket may have forgotten its peer: remember the peer of each raw connection first.
    const peers = new WeakMap();
    this.server.prependListener('connection', raw => peers.set(raw, `${raw.remoteAddress}:${raw.remotePort}`));
    this.server.on('tlsClientError', (error, socket) => {
      const peer = socket.remoteAddress !== undefined
        ? `${socket.remoteAddress}:${socket.remotePort}`
        : peers.get(socket._parent) || 'unknown peer';
      reportError(`${peer}: TLS handshake failed: ${tlsFailure(error, socket)}`);
    });
  }

  handleConnection(socket) {
    const connection = new Connection(socket);
    connections.set(socket, connection);
    // registered before FluentServer reads, so a socket error is reported as such, not as a decode error
    socket.on('error', error => connection.fail(`socket error: ${error.message}`));
    return super.handleConnection(socket);
  }
}

function shutdown() {
  shuttingDown = true;
  process.exit(0);
}

async function main() {
  const server = new ReportingFluentServer(serverOptions(parseArgs(process.argv.slice(2))));
  server.on('entry', (tag, time, record) => {
    writeLine({ tag, time: timeToJson(time), record: toJson(record) });
  });
  process.on('SIGTERM', shutdown);
  process.on('SIGINT', shutdown);
  // the parent holds our stdin open; when it dies, stdin closes and so do we
  process.stdin.on('end', shutdown);
  process.stdin.on('error', shutdown);
  process.stdin.resume();
  await server.listen();
  process.stdout.write(`READY ${server.port}\n`);
}

main().catch(error => {
  process.stderr.write(`fluent-server.js: cannot start: ${error.stack || error}\n`);
  process.exit(1);
});
