// A spawned task runs while the spell goes on; async.await gives its result or its error, and
// async.cancel ends a task at the call it waits in.
const steps = [];
const fail = async (f) => { try { await f(); return null; } catch (e) { return e; } };
const task = async.spawn(async () => { await time.sleep(50); steps.push("task done"); return await llm.complete("spawned"); });
steps.push("spell goes on");
const result = await async.await(task);
const again = await async.await(task);
const failing = async.spawn(async () => { await time.sleep(10); throw { code: "nope", message: "failed in a task" }; });
const failure = await fail(() => async.await(failing));
const slow = async.spawn(async () => { await time.sleep(5000); await state.set("slow", "finished"); return 1; });
const cancelled = async.cancel(slow);
const stopped = await fail(() => async.await(slow));
const bad = await fail(() => async.await({ async_task: 999 }));
return { steps, result, again, failure: failure.code + ": " + failure.message,
  cancelled, cancel_again: async.cancel(slow), stopped: stopped.code + ": " + stopped.message,
  slow: (await state.get("slow")) ?? "never written", bad: bad.code };
