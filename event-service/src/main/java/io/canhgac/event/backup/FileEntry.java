package io.canhgac.event.backup;

/** One file of a backup: its path inside the backup (always with '/'), its size and SHA-256 in hex. */
record FileEntry(String path, long size, String sha256) {
}
