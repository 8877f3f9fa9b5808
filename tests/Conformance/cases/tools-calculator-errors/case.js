const fail = async (expression) => { try { await tools.call("calculator", { expression }); } catch (e) { return e; } };
const bad = await fail("2 +* 3");
const name = await fail("os.exit(1)");
const div = await fail("1 / 0");
return { bad: bad.message, name: name.code, div: div.code };
