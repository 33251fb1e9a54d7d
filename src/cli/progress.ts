/** A progress bar on stderr for long builds; silent when stderr is not a terminal or the job is short. */
export function progressBar(label: string, stream: NodeJS.WriteStream = process.stderr): (done: number, total: number) => void {
  return (done, total) => {
    if (!stream.isTTY || total < 200) return;
    const width = 30;
    const filled = Math.round((done / total) * width);
    stream.write(`\r${label} [${"#".repeat(filled)}${" ".repeat(width - filled)}] ${done}/${total}`);
    if (done >= total) stream.write("\n");
  };
}
