/** Every session key is a SHA-256, so any other length is a caller's bug, refused early. */
export function checkKeyHash(keyHash: Buffer): void {
  if (!Buffer.isBuffer(keyHash) || keyHash.length !== 32) {
    throw new TypeError("a session keyHash must be a 32-byte Buffer");
  }
}
