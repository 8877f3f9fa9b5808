// The spell catches the failure of a step; when a worker runs that step, the failure still ends the run there.
const boom = (x) => { throw { code: "my_code", message: "boom" }; };
const wf = workflow.sequential({ name: "caught", steps: [{ name: "boom", run: boom }] });
let caught = false;
try { await wf.run("local"); } catch (e) { caught = true; }
await state.update("after_run", (n) => (n ?? 0) + 1);
const done = await workflow.wait(await wf.start("durable"));
return { caught, status: done.status, after_run: await state.get("after_run") };
