// expect: output_limit prints and logs
// Logs count against the output budget too: 195 MB of log.info once went out.
const line = "x".repeat(1000);
for (let i = 0; i < 100000; i++) log.info(line, { i });
