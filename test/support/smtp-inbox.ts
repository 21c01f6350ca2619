import { AddressInfo } from "node:net";
import { SMTPServer } from "smtp-server";

export interface Received {
  to: string[];
  subject: string;
  text: string;
}

/** A message's body as written: quoted-printable undone, UTF-8 read. */
export function bodyOf(raw: string): string {
  const body = raw.slice(raw.indexOf("\r\n\r\n") + 4).replace(/=\r\n/g, "");
  const bytes: number[] = [];
  for (let i = 0; i < body.length; i++) {
    const hex = body.slice(i + 1, i + 3);
    if (body[i] === "=" && /^[0-9A-F]{2}$/.test(hex)) {
      bytes.push(parseInt(hex, 16));
      i += 2;
    } else bytes.push(...Buffer.from(body[i], "utf8"));
  }
  return Buffer.from(bytes).toString("utf8").replace(/\r\n/g, "\n");
}

export interface SmtpInbox {
  port: number;
  received: Received[];
  /** Addresses the server answers 550 to. */
  refused: Set<string>;
  /** Every recipient a client asked for, refused ones included, in order. */
  rcptAttempts: string[];
  close(): Promise<void>;
}

/** A real SMTP server on a free port of 127.0.0.1 that keeps what it receives. */
export async function startSmtpInbox(): Promise<SmtpInbox> {
  const received: Received[] = [];
  const refused = new Set<string>();
  const rcptAttempts: string[] = [];
  const server = new SMTPServer({
    authOptional: true,
    disabledCommands: ["STARTTLS"],
    logger: false,
    onRcptTo(address, _session, callback) {
      rcptAttempts.push(address.address);
      if (refused.has(address.address))
        return callback(Object.assign(new Error("Mailbox unavailable"), { responseCode: 550 }));
      callback();
    },
    onData(stream, session, callback) {
      const chunks: Buffer[] = [];
      stream.on("data", (chunk: Buffer) => chunks.push(chunk));
      stream.on("end", () => {
        const raw = Buffer.concat(chunks).toString("utf8");
        received.push({
          to: session.envelope.rcptTo.map((r) => r.address),
          // A long header is folded over lines beginning with a space: unfolded here.
          subject: /^Subject: (.*(?:\r\n[ \t].*)*)/m
            .exec(raw)![1]
            .replace(/\r\n[ \t]/g, " ")
            .trim(),
          text: bodyOf(raw),
        });
        callback();
      });
    },
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  return {
    port: (server.server.address() as AddressInfo).port,
    received,
    refused,
    rcptAttempts,
    close: () => new Promise<void>((resolve) => server.close(resolve)),
  };
}
