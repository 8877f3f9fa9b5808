// Functions run side by side overlap in time: all of them are running at once (the peak), whether
// they come from async.all or are the branches of a parallel workflow.
const running = {}, peak = {};
const branch = (tag, n) => async () => {
  running[tag] = (running[tag] ?? 0) + 1;
  peak[tag] = Math.max(peak[tag] ?? 0, running[tag]);
  await time.sleep(100);
  const reply = await llm.complete(tag + n);
  running[tag]--;
  return reply;
};
const all = await async.all([branch("all", 1), branch("all", 2), branch("all", 3)]);
const named = await async.all({ first: branch("named", 1), second: branch("named", 2) });
const wf = await workflow.parallel({ name: "p", steps: [branch("workflow", 1), branch("workflow", 2), branch("workflow", 3)], max_concurrency: 3 }).run();
return { all, named, workflow: wf, peak, empty: (await async.all([])).length };
