const size = (n) => (n > 10 ? "big" : "small");
const pick = workflow.conditional({ name: "pick", condition: size, branches: {
  big: (n) => `big ${n}`,
  small: (n) => `small ${n}` } });
const yesNo = workflow.conditional({ name: "yes_no", condition: (n) => n % 2 === 0,
  branches: { true: () => "even" }, default: () => "odd" });
await state.set("mode", "fast");
const byState = workflow.conditional({ name: "by_state", condition: { state: "mode" }, branches: {
  fast: (x) => `${x} quickly`, slow: (x) => `${x} slowly` } });
const none = workflow.conditional({ name: "none", condition: () => "nowhere", branches: { somewhere: () => 1 } });
let code = null;
let ok = true;
try { await none.run(1); } catch (e) { ok = false; code = e.code; }
return [await pick.run(50), await pick.run(3), await yesNo.run(4), await yesNo.run(7), await byState.run("run"), ok, code];
