/**
 * age (C2SP age v1) encryption and decryption: the public API of this folder.
 * header.ts finds and unwraps (or builds) the header through the
 * age-encryption library; stream.ts is the STREAM payload through libsodium;
 * decrypt.ts decrypts small files in memory; file.ts reads a large file on
 * demand; encrypt.ts writes age files.
 */
export { MAX_HEADER, SCRYPT_MAX_LOG_N, type DecryptKey, type EncryptTo } from './header.ts';
export { recycleSealed, type Progress } from './stream.ts';
export { decryptBytes, decryptFile, type Decrypted } from './decrypt.ts';
export { openAgeFile, type AgeFile } from './file.ts';
export { encryptBytes, encryptStream } from './encrypt.ts';
