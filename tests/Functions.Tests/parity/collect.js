// A parallel workflow that collects its branches' errors beside their results, the same in process and durably.
const fan = workflow.parallel({ name: "fan", on_error: "collect", result: "steps", steps: [
  { name: "double", run: (x) => x.n * 2 },
  { name: "refuse", run: () => { throw { code: "nope", message: "refused on purpose" }; } },
  { name: "square", run: (x) => x.n * x.n },
] });
return await fan.run(input);
