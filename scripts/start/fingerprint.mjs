// Content fingerprints of files and folders: what a start compares to decide whether a step's
// inputs or outputs changed since it last ran. Node built-ins only (this runs before any install).
import { createHash } from 'node:crypto';
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';

/** Folders never read as inputs: installed packages, build outputs, tool caches and reports. */
export const NOT_INPUTS = new Set([
  'node_modules',
  'dist',
  'generated',
  '.turbo',
  'coverage',
  'test-results',
  'playwright-report',
]);

/**
 * Every file under `paths` (files or folders relative to `root`), as sorted paths relative to
 * `root`, leaving out folders named in `skip`. A path that does not exist contributes nothing.
 * @param {string} root
 * @param {readonly string[]} paths
 * @param {ReadonlySet<string>} skip
 * @returns {string[]}
 */
export function listFiles(root, paths, skip) {
  /** @type {string[]} */
  const files = [];
  const visit = (path) => {
    let stats;
    try {
      stats = statSync(join(root, path));
    } catch {
      return;
    }
    if (stats.isFile()) files.push(path);
    if (!stats.isDirectory()) return;
    for (const entry of readdirSync(join(root, path), { withFileTypes: true })) {
      if (entry.isDirectory() && skip.has(entry.name)) continue;
      visit(`${path}/${entry.name}`);
    }
  };
  for (const path of paths) visit(path);
  return [...new Set(files)].sort();
}

/**
 * SHA-256 over the names and contents of the files under `paths`, and `extra` (settings that
 * change a step's result without being a file, e.g. environment variables).
 * @param {string} root
 * @param {readonly string[]} paths
 * @param {{ skip?: ReadonlySet<string>, extra?: string }} [options]
 * @returns {string}
 */
export function hashFiles(root, paths, { skip = NOT_INPUTS, extra = '' } = {}) {
  const hash = createHash('sha256').update(`${extra}\0`);
  for (const file of listFiles(root, paths, skip)) {
    const content = readFileSync(join(root, file));
    hash.update(`${file}\0${content.length}\0`).update(content);
  }
  return hash.digest('hex');
}
