agent.create({ name: "echoer", model: "mock/echo" });
const inner = workflow.parallel({ name: "inner", steps: [
  { name: "sum", tool: "calculator", args: { expression: "2 + 3" } },
  { name: "shout", run: (x) => x.text.toUpperCase() }], merge: "map" });
const outer = workflow.sequential({ name: "outer", steps: [
  (text) => ({ text }),
  inner,
  (r) => `${r.shout} ${r.sum}`,
  { agent: "echoer" }] });
return await outer.run("hi");
