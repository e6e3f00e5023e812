// electron-builder beforePack hook: the Electron-ABI better-sqlite3-multiple-ciphers that
// extraResources ships (node_modules keeps its Node build for the tests).
exports.default = async function beforePack() {
  const { buildElectronSqlite } = await import('./native.mjs');
  await buildElectronSqlite();
};
