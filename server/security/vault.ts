// Encryption at rest for what a family wrote and what the interventionist
// noted: letters, bottom lines, names, and the meeting log and snapshots
// (which hold notes). AES-256-GCM, so a changed byte is detected, not decoded.
// The key lives outside the database: THRESHOLD_KEY, or a key file created
// with mode 0600 on first run.
import { createCipheriv, createDecipheriv, randomBytes } from 'node:crypto';
import { chmodSync, existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname } from 'node:path';

const PREFIX = 'v1:';
const IV_BYTES = 12;
const TAG_BYTES = 16;

export class VaultError extends Error {}

/**
 * AES-256-GCM: `v1:` + base64(iv | tag | ciphertext). The event-log writer
 * thread seals through this same module (Vault.fromKey), off the event loop.
 */
export function sealWith(
  crypto: { createCipheriv: typeof createCipheriv; randomBytes: typeof randomBytes },
  key: Uint8Array,
  plaintext: string,
): string {
  const iv = crypto.randomBytes(12);
  const cipher = crypto.createCipheriv('aes-256-gcm', key, iv);
  const body = Buffer.concat([cipher.update(plaintext, 'utf8'), cipher.final()]);
  return 'v1:' + Buffer.concat([iv, cipher.getAuthTag(), body]).toString('base64');
}

export class Vault {
  private constructor(private readonly key: Buffer) {}

  static fromKey(key: Buffer): Vault {
    if (key.length !== 32) throw new VaultError('the encryption key must be 32 bytes');
    return new Vault(key);
  }

  /**
   * THRESHOLD_KEY (base64 of 32 bytes) if set; otherwise the key file, created
   * if missing only when `mayCreate` (an empty database: a new key for a
   * database that holds records would seal new records under a second key and
   * leave the old ones unreadable). `onCreated` hears the path when a new key
   * file was written. Throws VaultError naming the problem.
   */
  static load(
    envKey: string | undefined,
    keyFile: string,
    { mayCreate = true, onCreated }: { mayCreate?: boolean; onCreated?: (keyFile: string) => void } = {},
  ): Vault {
    if (envKey) {
      const key = Buffer.from(envKey, 'base64');
      if (key.length !== 32) throw new VaultError('THRESHOLD_KEY must be 32 random bytes in base64 (e.g. `openssl rand -base64 32`)');
      return new Vault(key);
    }
    if (!existsSync(keyFile)) {
      if (!mayCreate) {
        throw new VaultError(
          `the key file ${keyFile} is missing, but the database holds records sealed with it: ` +
            'restore the key file from your backup (or set THRESHOLD_KEY to that key); a new key would not open them',
        );
      }
      mkdirSync(dirname(keyFile), { recursive: true, mode: 0o700 });
      // `wx`: never overwrite a key that appeared meanwhile; losing the key loses the data.
      writeFileSync(keyFile, randomBytes(32).toString('base64') + '\n', { mode: 0o600, flag: 'wx' });
      onCreated?.(keyFile);
    }
    chmodSync(keyFile, 0o600);
    const key = Buffer.from(readFileSync(keyFile, 'utf8').trim(), 'base64');
    if (key.length !== 32) throw new VaultError(`the key file ${keyFile} does not hold a 32-byte base64 key`);
    return new Vault(key);
  }

  seal(plaintext: string): string {
    return sealWith({ createCipheriv, randomBytes }, this.key, plaintext);
  }

  /** The key, for the event-log thread, which seals the log's entries itself (off the event loop). */
  keyForWriterThread(): Uint8Array {
    return this.key;
  }

  open(sealed: string): string {
    if (!sealed.startsWith(PREFIX)) throw new VaultError('stored data is not encrypted with this format');
    const raw = Buffer.from(sealed.slice(PREFIX.length), 'base64');
    const decipher = createDecipheriv('aes-256-gcm', this.key, raw.subarray(0, IV_BYTES));
    decipher.setAuthTag(raw.subarray(IV_BYTES, IV_BYTES + TAG_BYTES));
    try {
      return Buffer.concat([decipher.update(raw.subarray(IV_BYTES + TAG_BYTES)), decipher.final()]).toString('utf8');
    } catch {
      throw new VaultError('stored data could not be decrypted: wrong key, or the data was altered');
    }
  }

  sealOrNull(value: string | null): string | null {
    return value === null ? null : this.seal(value);
  }
  openOrNull(value: string | null): string | null {
    return value === null ? null : this.open(value);
  }
}
