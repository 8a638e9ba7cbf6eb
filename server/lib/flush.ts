import { closeSync, fsyncSync, openSync, statSync } from 'node:fs'

/**
 * Flushes a file, or a folder's entries, to disk, as SQLite does at each commit: what the server acknowledged
 * then survives a power failure. (On Windows a folder cannot be opened for this; NTFS journals its entries.)
 */
export function flushToDisk(file: string): void {
  if (process.platform === 'win32' && statSync(file).isDirectory()) return
  const fd = openSync(file, 'r')
  try {
    fsyncSync(fd)
  } finally {
    closeSync(fd)
  }
}
