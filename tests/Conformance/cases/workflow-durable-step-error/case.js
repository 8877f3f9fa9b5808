const boom = (x) => { throw { code: "my_code", message: `boom on ${x}` }; };
const fails = workflow.sequential({ name: "fails", steps: [(x) => `${x}!`, { name: "boom", run: boom }] });
const done = await workflow.wait(await fails.start("input"));
// The error names the step, then the spell's own error with its file:line.
return { status: done.status, names_step: done.error.startsWith("workflow step 'fails/boom' failed: case.js:"),
         has_cause: done.error.includes("my_code: boom on input!"), output: done.output };
