// In process, a workflow's event step takes an event this run emitted: one emitted before it waits
// (kept for it, as a durable run keeps raised events) or while it waits; each event is taken once.
const wf = workflow.sequential({ name: "approval", steps: [
  { name: "first", event: "approve", timeout_ms: 2000 },
  (d) => d.by,
] });
await events.emit("approve", { by: "ada" });
const early = await wf.run();
async.spawn(async () => { await time.sleep(30); await events.emit("approve", { by: "bob" }); });
const late = await wf.run();
const short = workflow.sequential({ name: "short", steps: [{ name: "gate", event: "approve", timeout_ms: 20 }] });
let timed_out;
try { await short.run(); } catch (e) { timed_out = e.code + ": " + e.message; }
return { early, late, timed_out };
