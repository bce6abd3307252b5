import { timingSafeEqual } from "node:crypto";
import QRCode from "qrcode";

/** The link a QR code carries: /join?pin=…, which goes straight to the game. */
export function joinUrl(request: Request, pin: string): string {
  return `${new URL(request.url).origin}/join?pin=${pin}`;
}

export function qrSvg(text: string): Promise<string> {
  return QRCode.toString(text, { type: "svg", margin: 1, errorCorrectionLevel: "M" });
}

/** Compares a secret from a link with the stored one in constant time. */
export function sameSecret(expected: string, given: string): boolean {
  const a = Buffer.from(expected);
  const b = Buffer.from(given);
  return a.length === b.length && timingSafeEqual(a, b);
}
