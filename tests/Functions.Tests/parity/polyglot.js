// A JavaScript workflow whose steps are spells in Lua and Tengo, each pinned when a durable run starts.
const chain = workflow.sequential({ name: "polyglot", result: "steps", steps: [
  { name: "wrap", run: (x) => ({ text: x.text }) },
  { name: "loud", spell: "spells/shout.lua" },
  { name: "again", run: (s) => ({ text: s }) },
  { name: "framed", spell: "spells/frame" },
] });
return await chain.run(input);
