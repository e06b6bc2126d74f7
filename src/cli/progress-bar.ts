/** A one-line progress bar on a terminal; does nothing elsewhere. */
export function createProgressBar(stream: NodeJS.WriteStream, enabled: boolean): { update(done: number, total: number): void; clear(): void } {
  const active = enabled && stream.isTTY === true;
  let lastDrawn = 0;
  let drawn = false;
  return {
    update(done, total) {
      if (!active || total < 200) return;
      const now = Date.now();
      if (now - lastDrawn < 100 && done < total) return;
      lastDrawn = now;
      const width = 30;
      const filled = Math.round((done / total) * width);
      stream.write(`\r[${"#".repeat(filled)}${" ".repeat(width - filled)}] ${done}/${total} files`);
      drawn = true;
    },
    clear() {
      if (drawn) stream.write("\r\x1b[K");
      drawn = false;
    },
  };
}
