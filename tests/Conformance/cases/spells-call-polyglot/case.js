// A spell calls spells in every engine with spells.call, and a workflow runs them as steps
// ({ spell = "file" }); a called spell's error is the call's, and names of nothing are refused.
const fail = async (f) => { try { await f(); return null; } catch (e) { return e; } };
const shouted = await spells.call("shout.lua", { text: "hello world" });
const counted = await spells.call("count", { text: "one two three" });
const framed = await spells.call("frame.tengo", { text: "x" });
const chain = await workflow.sequential({ name: "chain", steps: [
  (t) => ({ text: t }),
  { name: "loud", spell: "shout.lua" },
  (s) => ({ text: s }),
  { spell: "frame.tengo" },
] }).run("step by step");
const failed = await fail(() => spells.call("count.js", { nope: 1 }));
const missing = await fail(() => spells.call("nowhere"));
const outside = await fail(() => spells.call("../../secrets.lua"));
return { shouted, counted, framed, chain, failed: failed.code + ": " + failed.message, missing: missing.code, outside: outside.code };
