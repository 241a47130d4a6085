export type Measurement = { name: string; seconds: number; count: number };

// One table per benchmark: each figure beside the reference measured in the same run (first row).
export const report = (title: string, rows: Measurement[]) => {
  const [reference] = rows;
  const refRate = reference.count / reference.seconds;
  console.log(`\n${title}`);
  for (const row of rows) {
    const rate = row.count / row.seconds;
    const ratio = row === reference ? 'reference' : `${((rate / refRate) * 100).toFixed(0)}% of reference`;
    console.log(
      `  ${row.name.padEnd(52)} ${row.seconds.toFixed(2).padStart(7)} s  ${Math.round(rate).toLocaleString('en-US').padStart(10)} /s  ${ratio}`
    );
  }
};
