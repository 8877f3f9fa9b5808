// events.wait gives the next event its pattern matches, emitted by another piece of the run (here a
// spawned task), or null when the timeout passes first.
const task = async.spawn(async () => { await time.sleep(30); await events.emit("job.done", { id: 7 }); });
const got = await events.wait("job.*", 2000);
await async.await(task);
const missed = await events.wait("never", 20);
let bad;
try { await events.wait("x", -1); } catch (e) { bad = e.code; }
return { name: got.name, data: got.data, missed: missed === null, bad };
