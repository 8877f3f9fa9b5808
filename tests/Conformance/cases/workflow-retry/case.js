// Fails twice, then succeeds; the attempts are counted in state so fresh sandboxes (durable) see them too.
const flaky = async (x) => {
  const n = await state.update(`attempts_${x}`, (old) => (old ?? 0) + 1);
  if (n < 3) throw { code: "flaky", message: `attempt ${n}` };
  return `${x} after ${n} attempts`;
};
const wf = workflow.sequential({ name: "retrying", steps: [{ name: "flaky", run: flaky, retry: { attempts: 3, delay_ms: 1 } }] });
const localResult = await wf.run("local");
const durable = await workflow.wait(await wf.start("durable"));
const once = workflow.sequential({ name: "once", steps: [{ name: "flaky", run: flaky, retry: { attempts: 2, delay_ms: 1 } }] });
let message = null;
let ok = true;
try { await once.run("short"); } catch (e) { ok = false; message = e.message; }
return [localResult, durable.output, ok, message];
