const message = (specFn) => {
  try { specFn(); return "no error"; } catch (e) { return `${e.code}: ${e.message}`; }
};
return [
  message(() => workflow.sequential({ steps: [print] })),
  message(() => workflow.sequential({ name: "w", steps: [{ name: "a" }] })),
  message(() => workflow.sequential({ name: "w", steps: [{ name: "a", run: print, tool: "uuid" }] })),
  message(() => workflow.parallel({ name: "p", steps: [print], merge: "zip" })),
  message(() => workflow.sequential({ name: "w2", steps: [print, { name: "1", run: print }] })),
  message(() => workflow.loop({ name: "l", body: print, max_iterations: 0 })),
  message(() => workflow.sequential({ name: "w3", steps: [{ tool: "no_such_tool" }] })),
  message(() => workflow.sequential({ name: "a/b", steps: [print] })),
  message(() => workflow.conditional({ name: "c", condition: print, branches: {} })),
  message(() => workflow.sequential({ name: "w4", steps: [print], colour: "red" })),
];
