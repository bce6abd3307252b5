import { Transform } from "node:stream";

/**
 * React 18.3's streaming renderer (react-dom/server, writeStringChunk) sends the unfilled end of
 * its 2 KB buffer when a multi-byte character does not fit there: one or two NUL bytes land in the
 * page, and the browser shows them as "�" in the middle of a Vietnamese word ("Phư�ờng"), which
 * can also break hydration (react/react issues 30453 and 31134, fixed in React 19). A page never
 * holds a NUL byte on purpose, and no UTF-8 character contains one, so they are dropped here.
 */
export function withoutNulBytes(): Transform {
  return new Transform({
    transform(chunk: Buffer, _encoding, callback) {
      if (chunk.indexOf(0) === -1) return callback(null, chunk);
      const kept = Buffer.allocUnsafe(chunk.length);
      let length = 0;
      for (const byte of chunk) if (byte !== 0) kept[length++] = byte;
      callback(null, kept.subarray(0, length));
    },
  });
}
