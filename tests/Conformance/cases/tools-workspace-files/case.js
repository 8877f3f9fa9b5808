await tools.call("file_write", { path: "notes/a.txt", content: "first" });
await tools.call("file_write", { path: "notes/a.txt", content: " second", append: true });
await tools.call("file_write", { path: "b.txt", content: "bee" });
const fail = async (name, args) => { try { await tools.call(name, args); } catch (e) { return e; } };
const escape = await fail("file_read", { path: "../../etc/passwd" });
const absolute = await fail("file_write", { path: "/tmp/pwned", content: "x" });
const missing = await fail("file_read", { path: "nope.txt" });
return { text: await tools.call("file_read", { path: "notes/a.txt" }), files: await tools.call("file_list", {}),
  escape: escape.message, absolute: absolute.code, missing: missing.code };
