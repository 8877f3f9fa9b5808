// expect: memory_limit
const t = [];
while (true) t.push({ n: t.length, s: "x".repeat(64) });
