const count = workflow.loop({ name: "count", body: (s) => ({ n: s.n + 1, seen: [...s.seen, s.n] }), until: (s) => s.n >= input.to });
return await count.run({ n: 0, seen: [] });
