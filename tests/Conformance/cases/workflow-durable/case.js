const greet = (name) => `hello ${name}`;
const approval = workflow.sequential({ name: "approval", steps: [
  greet,
  { name: "wait", event: "approve", timeout_ms: 60000 },
  (decision) => `decided by ${decision.by}`] });
const id = await workflow.start(approval, "ada", { id: "approval-1" });
await workflow.raise(id, "approve", { by: "grace" });
const done = await workflow.wait(id);
const again = await workflow.status(id);
return { id, status: done.status, output: done.output, name: done.name, steps: done.progress.completed,
         same: again.status, missing: (await workflow.status("no-such-run")) === null };
