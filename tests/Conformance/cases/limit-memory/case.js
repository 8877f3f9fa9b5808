const t = [];
for (let i = 0; i < 100000000; i++) t.push("x".repeat(64) + i);
