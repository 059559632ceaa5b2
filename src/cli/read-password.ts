import type { CliIo } from "./io.js";
import { UsageError } from "./errors.js";

/**
 * Reads a password from stdin so it never shows in `ps` or a shell history: the whole input,
 * with one trailing newline (`\n` or `\r\n`) removed, so `echo secret |` works. Everything
 * else, including spaces, colons and non-ASCII characters, is part of the password.
 */
export async function readPassword(io: CliIo): Promise<string> {
  if (io.stdin.isTTY) {
    io.stderr.write("Type the password, then press Enter and Ctrl-D:\n");
  }

  const chunks: Buffer[] = [];
  for await (const chunk of io.stdin) {
    chunks.push(typeof chunk === "string" ? Buffer.from(chunk) : chunk);
  }

  let text: string;
  try {
    text = new TextDecoder("utf-8", { fatal: true }).decode(Buffer.concat(chunks));
  } catch {
    throw new UsageError("the password on stdin is not valid UTF-8");
  }

  const password = text.replace(/\r?\n$/, "");
  if (password === "") {
    throw new UsageError("the password on stdin is empty; pipe the password in");
  }
  return password;
}
