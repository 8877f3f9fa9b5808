// Handlers run for the events their pattern matches (* any text, ? one character), emit waits for
// them and says how many ran; off ends a subscription; a failing handler fails the emit.
const seen = [];
const fail = async (f) => { try { await f(); return null; } catch (e) { return e; } };
const orders = events.on("order.*", (e) => { seen.push(e.name + " " + json.encode(e.data) + " " + (Number.isInteger(e.at) ? "number" : typeof e.at)); });
events.on("???r.joined", (e) => { seen.push("joined " + e.data); });
const paid = await events.emit("order.paid", { amount: 5 });
const joined = await events.emit("user.joined", "ada");
const off = events.off(orders);
const off_again = events.off(orders);
const shipped = await events.emit("order.shipped");
events.on("boom", () => { throw { code: "nope", message: "the handler failed" }; });
const failed = await fail(() => events.emit("boom"));
const bad = await fail(() => events.emit("order.*"));
return { seen, paid, joined, off, off_again, shipped, failed: failed.code + ": " + failed.message, bad: bad.code + ": " + bad.message };
