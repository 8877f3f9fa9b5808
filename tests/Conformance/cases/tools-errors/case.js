const fail = async (f) => { try { await f(); } catch (e) { return e; } };
const unknown = await fail(() => tools.call("nope", {}));
const duplicate = await fail(() => tools.register({ name: "calculator", handler: () => 1 }));
tools.register({ name: "boom", handler: () => { throw new Error("tool broke"); } });
const broke = await fail(() => tools.call("boom", {}));
return { unknown: unknown.code, duplicate: duplicate.message, broke: broke.code, broke_message: broke.message };
