const put = await artifacts.put("reports/today.md", "# Tides\nhigh at noon", "text/markdown");
await artifacts.put("reports/data.json", json.encode({ n: 1 }), "application/json");
await artifacts.put("notes.txt", "plain");
const names = (await artifacts.list("reports/")).map((item) => `${item.name}:${item.size}:${item.content_type}`);
const url = await artifacts.url("notes.txt");
const deleted = await artifacts.delete("notes.txt");
return { put: `${put.name}:${put.size}:${put.content_type}`, names, all: (await artifacts.list()).length,
         got: await artifacts.get("reports/today.md"), data: json.decode(await artifacts.get("reports/data.json")).n,
         missing: (await artifacts.get("nope.txt")) === null, url: url.slice(0, 7), deleted,
         again: await artifacts.delete("notes.txt"), no_url: (await artifacts.url("notes.txt")) === null, after: (await artifacts.list()).length };
