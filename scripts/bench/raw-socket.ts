import net from "node:net";

/**
 * A Socket.IO client for load generation, written by hand on a TCP socket: the WebSocket upgrade,
 * WebSocket frames, and the Engine.IO v4 / Socket.IO v5 text packets (`0` open, `2`/`3` ping and
 * pong, `40` connect, `42[…]` event, `42<id>[…]` event with ack, `43<id>[…]` ack).
 *
 * Why not socket.io-client: it costs its own event loop more than the server it measures beyond
 * ~5,000 clients (STACK.md). This one keeps per connection a socket, one small object and the
 * callbacks of pending acks; it never decodes a message it is not asked to (`onEvent` gets the raw
 * text and the time the bytes arrived, taken before any parsing).
 *
 * Frames from the client must be masked; the mask key here is 0 (allowed by RFC 6455 for a
 * client that is not a browser, and the XOR is then a no-op), so a send is one header and one copy.
 */

export type RawSocketOptions = {
  host: string;
  port: number;
  headers?: Record<string, string>;
  /** Called for every `42[…]` event: its raw text, and performance.now() when its bytes arrived. */
  onEvent?: (text: string, receivedAt: number) => void;
  onClose?: () => void;
  /** Counts every payload byte received (for bytes per player). */
  onBytes?: (bytes: number) => void;
};

type PendingAck = (text: string, receivedAt: number) => void;

const OPCODE_TEXT = 0x1;
const OPCODE_CLOSE = 0x8;
const OPCODE_PING = 0x9;
const OPCODE_PONG = 0xa;

export class RawSocket {
  private readonly socket: net.Socket;
  private buffer: Buffer | null = null;
  private upgraded = false;
  private nextAckId = 0;
  private readonly acks = new Map<number, PendingAck>();
  private connected: (() => void) | null = null;
  private failed: ((error: Error) => void) | null = null;
  closed = false;

  private constructor(private readonly options: RawSocketOptions) {
    this.socket = net.connect({ host: options.host, port: options.port });
    this.socket.setNoDelay(true);
    this.socket.on("connect", () => this.sendUpgrade());
    this.socket.on("data", (chunk: Buffer) => this.receive(chunk));
    this.socket.on("error", (error) => this.fail(error));
    this.socket.on("close", () => {
      this.fail(new Error("connection closed"));
      if (!this.closed) {
        this.closed = true;
        for (const ack of this.acks.values()) ack("", -1);
        this.acks.clear();
        this.options.onClose?.();
      }
    });
  }

  /** Opens the WebSocket and the Socket.IO session on the main namespace. */
  static open(options: RawSocketOptions): Promise<RawSocket> {
    const socket = new RawSocket(options);
    return new Promise((resolve, reject) => {
      socket.connected = () => resolve(socket);
      socket.failed = reject;
    });
  }

  /**
   * Emits an event with an ack; resolves with the ack's raw text (`[…]`) and its arrival time, or
   * with an empty text when the connection closed first.
   */
  emitWithAck(event: string, payload: unknown): Promise<{ text: string; receivedAt: number }> {
    const id = this.nextAckId++;
    return new Promise((resolve) => {
      this.acks.set(id, (text, receivedAt) => resolve({ text, receivedAt }));
      this.sendText(`42${id}${JSON.stringify([event, payload])}`);
    });
  }

  /** Drops the TCP connection at once, as a phone losing its network does (no close handshake). */
  destroy(): void {
    this.socket.destroy();
  }

  /** A clean close: the server sees the player leave. */
  close(): void {
    if (this.closed) return;
    this.sendFrame(OPCODE_CLOSE, Buffer.alloc(0));
    this.socket.end();
  }

  private fail(error: Error): void {
    const failed = this.failed;
    this.connected = null;
    this.failed = null;
    failed?.(error);
  }

  private sendUpgrade(): void {
    const { host, port, headers = {} } = this.options;
    const lines = [
      "GET /socket.io/?EIO=4&transport=websocket HTTP/1.1",
      `Host: ${host}:${port}`,
      "Upgrade: websocket",
      "Connection: Upgrade",
      "Sec-WebSocket-Key: dGhlIHNhbXBsZSBub25jZQ==",
      "Sec-WebSocket-Version: 13",
      ...Object.entries(headers).map(([name, value]) => `${name}: ${value}`),
    ];
    this.socket.write(`${lines.join("\r\n")}\r\n\r\n`);
  }

  private sendText(text: string): void {
    this.sendFrame(OPCODE_TEXT, Buffer.from(text));
  }

  private sendFrame(opcode: number, payload: Buffer): void {
    if (this.closed) return;
    const length = payload.length;
    const headerLength = length < 126 ? 2 : length < 65_536 ? 4 : 10;
    // Header, then the 4-byte mask key (zero), then the payload unchanged.
    const frame = Buffer.allocUnsafe(headerLength + 4 + length);
    frame[0] = 0x80 | opcode;
    if (length < 126) {
      frame[1] = 0x80 | length;
    } else if (length < 65_536) {
      frame[1] = 0x80 | 126;
      frame.writeUInt16BE(length, 2);
    } else {
      frame[1] = 0x80 | 127;
      frame.writeBigUInt64BE(BigInt(length), 2);
    }
    frame.writeUInt32BE(0, headerLength);
    payload.copy(frame, headerLength + 4);
    this.socket.write(frame);
  }

  private receive(chunk: Buffer): void {
    const receivedAt = performance.now();
    this.options.onBytes?.(chunk.length);
    let data = this.buffer ? Buffer.concat([this.buffer, chunk]) : chunk;
    this.buffer = null;
    if (!this.upgraded) {
      const end = data.indexOf("\r\n\r\n");
      if (end === -1) {
        this.buffer = data;
        return;
      }
      const status = data.subarray(0, data.indexOf("\r\n")).toString("latin1");
      if (!status.includes(" 101 ")) {
        this.fail(new Error(`upgrade refused: ${status}`));
        this.socket.destroy();
        return;
      }
      this.upgraded = true;
      data = data.subarray(end + 4);
    }
    let offset = 0;
    while (data.length - offset >= 2) {
      const opcode = data[offset] & 0x0f;
      let length = data[offset + 1] & 0x7f;
      let header = 2;
      if (length === 126) {
        if (data.length - offset < 4) break;
        length = data.readUInt16BE(offset + 2);
        header = 4;
      } else if (length === 127) {
        if (data.length - offset < 10) break;
        length = Number(data.readBigUInt64BE(offset + 2));
        header = 10;
      }
      if (data.length - offset < header + length) break;
      const payload = data.subarray(offset + header, offset + header + length);
      offset += header + length;
      // Socket.IO's server never fragments a text message, so FIN is not tracked.
      if (opcode === OPCODE_TEXT) this.packet(payload.toString("utf8"), receivedAt);
      else if (opcode === OPCODE_PING) this.sendFrame(OPCODE_PONG, Buffer.from(payload));
      else if (opcode === OPCODE_CLOSE) this.socket.end();
    }
    if (offset < data.length) this.buffer = Buffer.from(data.subarray(offset));
  }

  private packet(text: string, receivedAt: number): void {
    switch (text.charCodeAt(0)) {
      case 0x30: // "0": Engine.IO open, then the Socket.IO connect to "/".
        this.sendText("40");
        return;
      case 0x32: // "2": ping.
        this.sendText("3");
        return;
      case 0x34: // "4": a Socket.IO packet.
        break;
      default:
        return;
    }
    const type = text.charCodeAt(1);
    if (type === 0x30) {
      // "40{sid}": connected.
      const connected = this.connected;
      this.connected = null;
      this.failed = null;
      connected?.();
    } else if (type === 0x32) {
      this.options.onEvent?.(text.slice(2), receivedAt);
    } else if (type === 0x33) {
      const open = text.indexOf("[", 2);
      const id = Number(text.slice(2, open));
      const ack = this.acks.get(id);
      if (!ack) return;
      this.acks.delete(id);
      ack(text.slice(open), receivedAt);
    } else if (type === 0x34) {
      this.fail(new Error(`connect refused: ${text.slice(2)}`));
    }
  }
}
