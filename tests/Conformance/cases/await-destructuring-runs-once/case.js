// Jint 4.18 ran the statements before a destructuring assignment that awaits a second time when the
// await resumed (a print, a log, an LLM call not awaited yet): each must happen exactly once.
const first = await llm.complete("one");
print("between the awaits");
log.info("logged once");
const pending = llm.complete("two");
let a, b;
[a, b] = await Promise.resolve([3, 4]);
let c, d;
({ c, d } = { c: await pending, d: first });
return { a, b, c, d, llm_calls: llm.usage().calls };
