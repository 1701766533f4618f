// A local fake of Slack's Socket Mode endpoint: a minimal WebSocket server (RFC 6455 handshake, text,
// ping/pong and close frames) that says `hello`, sends envelopes and records the client's acks.
// https://docs.slack.dev/apis/events-api/using-socket-mode
import { createHash } from 'node:crypto';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { Duplex } from 'node:stream';

const WS_GUID = '258EAFA5-E914-47DA-95CA-C5AB0DC85B11';

export interface FakeSocketMode {
  /** The wss-style URL to hand out from `apps.connections.open`. */
  readonly url: string;
  /** Messages the client sent (parsed JSON), e.g. acks `{ envelope_id, payload? }`. */
  readonly received: Array<Record<string, unknown>>;
  /** Resolves when a client has connected and got `hello`. */
  connected(): Promise<void>;
  /** Sends an envelope (`events_api`, `slash_commands`, `interactive`) to the connected client. */
  send(envelope: Record<string, unknown>): void;
  /** Resolves with the ack for `envelopeId`. */
  waitForAck(envelopeId: string, timeoutMs?: number): Promise<Record<string, unknown>>;
  close(): Promise<void>;
}

function frame(opcode: number, payload: Buffer): Buffer {
  const length = payload.length;
  const header = length < 126 ? Buffer.alloc(2) : length < 65536 ? Buffer.alloc(4) : Buffer.alloc(10);
  header[0] = 0x80 | opcode;
  if (length < 126) header[1] = length;
  else if (length < 65536) {
    header[1] = 126;
    header.writeUInt16BE(length, 2);
  } else {
    header[1] = 127;
    header.writeBigUInt64BE(BigInt(length), 2);
  }
  return Buffer.concat([header, payload]);
}

/** Parses complete client frames from `buffer`; returns them and the unread rest. */
function readFrames(buffer: Buffer): { frames: Array<{ opcode: number; payload: Buffer }>; rest: Buffer } {
  const frames: Array<{ opcode: number; payload: Buffer }> = [];
  let offset = 0;
  while (buffer.length - offset >= 2) {
    const first = buffer[offset] ?? 0;
    const second = buffer[offset + 1] ?? 0;
    let length = second & 0x7f;
    let cursor = offset + 2;
    if (length === 126) {
      if (buffer.length < cursor + 2) break;
      length = buffer.readUInt16BE(cursor);
      cursor += 2;
    } else if (length === 127) {
      if (buffer.length < cursor + 8) break;
      length = Number(buffer.readBigUInt64BE(cursor));
      cursor += 8;
    }
    const masked = (second & 0x80) !== 0;
    const mask = masked ? buffer.subarray(cursor, cursor + 4) : undefined;
    if (masked) cursor += 4;
    if (buffer.length < cursor + length) break;
    const payload = Buffer.from(buffer.subarray(cursor, cursor + length));
    if (mask) for (let i = 0; i < payload.length; i += 1) payload[i] = (payload[i] ?? 0) ^ (mask[i % 4] ?? 0);
    frames.push({ opcode: first & 0x0f, payload });
    offset = cursor + length;
  }
  return { frames, rest: buffer.subarray(offset) };
}

/** Starts the fake on a free port of 127.0.0.1. */
export async function startFakeSocketMode(): Promise<FakeSocketMode> {
  const received: Array<Record<string, unknown>> = [];
  const sockets = new Set<Duplex>();
  let current: Duplex | undefined;
  let onConnect: (() => void) | undefined;
  const connectedOnce = new Promise<void>((resolve) => (onConnect = resolve));
  const waiters = new Set<() => void>();

  const server: Server = createServer((_req, res) => res.writeHead(426).end());
  server.on('upgrade', (req, socket) => {
    const key = String(req.headers['sec-websocket-key'] ?? '');
    const accept = createHash('sha1').update(`${key}${WS_GUID}`).digest('base64');
    socket.write(['HTTP/1.1 101 Switching Protocols', 'Upgrade: websocket', 'Connection: Upgrade', `Sec-WebSocket-Accept: ${accept}`, '', ''].join('\r\n'));
    sockets.add(socket);
    current = socket;
    let pending: Buffer = Buffer.alloc(0);
    socket.on('data', (chunk: Buffer) => {
      const { frames, rest } = readFrames(Buffer.concat([pending, chunk]));
      pending = rest;
      for (const { opcode, payload } of frames) {
        if (opcode === 0x1) {
          received.push(JSON.parse(payload.toString('utf8')) as Record<string, unknown>);
          for (const wake of [...waiters]) wake();
        } else if (opcode === 0x9) socket.write(frame(0xa, payload));
        else if (opcode === 0x8) {
          socket.write(frame(0x8, payload));
          socket.end();
        }
      }
    });
    socket.on('close', () => sockets.delete(socket));
    socket.on('error', () => sockets.delete(socket));
    socket.write(frame(0x1, Buffer.from(JSON.stringify({ type: 'hello', num_connections: 1, connection_info: { app_id: 'AFAKE0001' } }))));
    onConnect?.();
  });

  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const port = (server.address() as AddressInfo).port;

  return {
    url: `ws://127.0.0.1:${port}/link/?ticket=fake`,
    received,
    connected: () => connectedOnce,
    send(envelope) {
      if (!current) throw new Error('no Socket Mode client is connected');
      current.write(frame(0x1, Buffer.from(JSON.stringify(envelope))));
    },
    waitForAck(envelopeId, timeoutMs = 5000) {
      return new Promise((resolve, reject) => {
        const find = (): boolean => {
          const ack = received.find((message) => message.envelope_id === envelopeId);
          if (!ack) return false;
          waiters.delete(wake);
          clearTimeout(timer);
          resolve(ack);
          return true;
        };
        const wake = (): void => void find();
        const timer = setTimeout(() => {
          waiters.delete(wake);
          reject(new Error(`no ack for ${envelopeId}`));
        }, timeoutMs);
        if (!find()) waiters.add(wake);
      });
    },
    close() {
      for (const socket of sockets) socket.destroy();
      return new Promise<void>((resolve) => server.close(() => resolve()));
    },
  };
}
