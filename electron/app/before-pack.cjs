// electron-builder beforePack hook (it runs before the app's files are copied
// into the asar): the Electron-ABI better-sqlite3-multiple-ciphers that extraResources ships
// (node_modules keeps its Node build for the tests), then the SHA-256s of
// everything outside the asar, that binary included, into
// out/electron/unpacked-integrity.json, which goes inside the asar.
exports.default = async function beforePack() {
  const { buildElectronSqlite } = await import('./native.mjs');
  await buildElectronSqlite();
  const { writeIntegrity } = await import('./write-integrity.mjs');
  await writeIntegrity({ requireResources: true });
};
