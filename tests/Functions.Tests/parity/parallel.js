// Four branches under a cap of two, one a nested sequence; then a map merge of two more.
const branches = workflow.parallel({ name: "branches", max_concurrency: 2, steps: [
  (x) => x * 2,
  (x) => x * x,
  { name: "neg", run: (x) => -x },
  workflow.sequential({ name: "inner", steps: [(x) => x + 1, (x) => `inner ${x}`] })] });
const named = workflow.parallel({ name: "named", merge: "map", steps: [
  { name: "count", run: (list) => list.length },
  { name: "first", run: (list) => list[0] }] });
return await workflow.sequential({ name: "fan", steps: [branches, named] }).run(input.n);
