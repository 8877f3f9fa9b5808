// expect: memory_limit
// A Proxy whose ownKeys trap allocates until the memory limit, while the host converts it.
const p = new Proxy({}, { ownKeys() { const a = []; while (true) a.push("key number " + a.length); } });
return await state.set("k", p);
