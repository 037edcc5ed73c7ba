// See package.json: drizzle-orm's driver imports 'better-sqlite3'; Kaappi's database is better-sqlite3-multiple-ciphers.
module.exports = require('better-sqlite3-multiple-ciphers');
