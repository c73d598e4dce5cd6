// One row of the bench table: what was measured, the figure, and what to compare it with.
export interface Row {
  name: string;
  value: string;
  note?: string;
}

export function printTable(title: string, rows: Row[]): void {
  const w0 = Math.max(...rows.map((r) => r.name.length), 6);
  const w1 = Math.max(...rows.map((r) => r.value.length), 5);
  console.log(`\n${title}\n${'─'.repeat(title.length)}`);
  for (const r of rows) console.log(`${r.name.padEnd(w0)}  ${r.value.padStart(w1)}  ${r.note ?? ''}`);
}
