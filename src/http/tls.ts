import { mkdir, readFile, writeFile } from "node:fs/promises";
import { hostname } from "node:os";
import { join } from "node:path";
import { generate } from "selfsigned";

export interface TlsPair {
  cert: string;
  key: string;
}

/**
 * The HTTPS certificate and key: the given files, or a self-signed pair generated on first
 * start and kept in the data directory (as EM on Linux does), reused on every later start.
 */
export async function loadTlsPair(options: {
  dataDir: string;
  certFile: string | null;
  keyFile: string | null;
}): Promise<TlsPair> {
  if (options.certFile !== null && options.keyFile !== null) {
    return {
      cert: await readFile(options.certFile, "utf8"),
      key: await readFile(options.keyFile, "utf8"),
    };
  }

  const dir = join(options.dataDir, "tls");
  const certFile = join(dir, "cert.pem");
  const keyFile = join(dir, "key.pem");
  try {
    return { cert: await readFile(certFile, "utf8"), key: await readFile(keyFile, "utf8") };
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== "ENOENT") throw error;
  }

  const pair = await generateSelfSigned();
  await mkdir(dir, { recursive: true, mode: 0o700 });
  await writeFile(keyFile, pair.key, { mode: 0o600 });
  await writeFile(certFile, pair.cert, { mode: 0o644 });
  return pair;
}

async function generateSelfSigned(): Promise<TlsPair> {
  const name = hostname();
  const notBeforeDate = new Date();
  // selfsigned ignores `days`; the end date must be given (STACK.md).
  const notAfterDate = new Date(notBeforeDate.getTime() + 5 * 365 * 86_400_000);
  const pems = await generate([{ name: "commonName", value: name }], {
    keySize: 2048,
    algorithm: "sha256",
    notBeforeDate,
    notAfterDate,
    extensions: [
      { name: "basicConstraints", cA: false },
      {
        name: "subjectAltName",
        altNames: [
          { type: 2, value: name },
          { type: 2, value: "localhost" },
          { type: 7, ip: "127.0.0.1" },
          { type: 7, ip: "::1" },
        ],
      },
    ],
  });
  return { cert: pems.cert, key: pems.private };
}
