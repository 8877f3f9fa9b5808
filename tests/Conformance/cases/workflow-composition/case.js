// A step takes named earlier steps' outputs as its input, and result = "steps" gives every step's
// output by name beside the workflow's output.
const wf = workflow.sequential({ name: "report", result: "steps", steps: [
  { name: "topic", run: (x) => x.topic },
  { name: "draft", run: (t) => llm.complete("draft " + t) },
  { name: "title", input: "topic", run: (t) => t.toUpperCase() },
  { name: "page", input: ["title", "draft"], run: (p) => p.title + ": " + p.draft },
] });
let bad;
try { workflow.sequential({ name: "bad", steps: [{ name: "a", run: (x) => x }, { name: "b", input: "later", run: (x) => x }] }); } catch (e) { bad = e.message; }
return { run: await wf.run({ topic: "tides" }), bad };
