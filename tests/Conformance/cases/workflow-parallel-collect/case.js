// on_error = "collect" runs every branch and gives the errors beside the results (a failed branch's
// result is null); the default, fail_fast, fails the workflow with the first failure.
const branches = () => [
  { name: "good", run: (x) => x * 2 },
  { name: "bad", run: () => { throw { code: "nope", message: "branch bad gave up" }; } },
  { name: "also", run: (x) => x + 1 },
];
const collected = await workflow.parallel({ name: "c", on_error: "collect", merge: "map", steps: branches() }).run(10);
let failed;
try { await workflow.parallel({ name: "f", steps: branches() }).run(10); } catch (e) { failed = e.code + ": " + e.message; }
return { results: collected.results, errors: collected.errors, failed };
