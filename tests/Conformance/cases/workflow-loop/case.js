const count = workflow.loop({ name: "count", body: (n) => n + 1, until: (n) => n >= 5 });
const halve = workflow.loop({ name: "halve", body: (s) => ({ n: Math.floor(s.n / 2), done: Math.floor(s.n / 2) <= 1 }) });
const forever = workflow.loop({ name: "forever", body: (n) => n + 1, max_iterations: 3 });
let failure = null;
try { await forever.run(0); } catch (e) { failure = e; }
return [await count.run(0), (await halve.run({ n: 100 })).n, failure === null, failure.code, failure.message];
